package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import io.vessel.kit.selector.LabelSelectors;
import java.util.Map;

final class ReplicationControllerKind implements ReplicatedKind<ReplicationController> {
  @Override
  public ResourceType<ReplicationController> type() {
    return Resources.REPLICATION_CONTROLLERS;
  }

  @Override
  public boolean selects(ReplicationController rc, Map<String, String> podLabels) {
    return LabelSelectors.matchesMap(rc.getSpec().getSelector(), podLabels);
  }

  @Override
  public int replicas(ReplicationController rc) {
    Integer n = rc.getSpec().getReplicas();
    return n == null ? 1 : n;
  }

  @Override
  public int minReadySeconds(ReplicationController rc) {
    Integer n = rc.getSpec().getMinReadySeconds();
    return n == null ? 0 : n;
  }

  @Override
  public PodTemplateSpec template(ReplicationController rc) {
    return rc.getSpec().getTemplate();
  }
}
