package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.kit.client.Json;
import io.vessel.kit.client.ResourceType;
import java.util.Map;

/**
 * What the replica loop needs of the kind it manages: ReplicaSet and ReplicationController are
 * the same loop over different selectors and status types.
 */
interface ReplicatedKind<T extends HasMetadata> {
  ResourceType<T> type();

  boolean selects(T owner, Map<String, String> podLabels);

  int replicas(T owner);

  int minReadySeconds(T owner);

  PodTemplateSpec template(T owner);

  /** The current status as comparable values. */
  default ReplicaStatus status(T owner) {
    return ReplicaStatuses.read(Json.mapper().valueToTree(owner).path("status"));
  }

  /** A copy of the owner carrying {@code status}. */
  default T withStatus(T owner, ReplicaStatus status) {
    ObjectNode tree = Json.mapper().valueToTree(owner);
    tree.set("status", ReplicaStatuses.write(status));
    return Json.mapper().convertValue(tree, type().type());
  }
}
