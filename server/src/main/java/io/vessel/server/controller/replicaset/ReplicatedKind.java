package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
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

  /** The current status as comparable values, and a copy of the owner carrying a new status. */
  ReplicaStatus status(T owner);

  T withStatus(T owner, ReplicaStatus status);
}
