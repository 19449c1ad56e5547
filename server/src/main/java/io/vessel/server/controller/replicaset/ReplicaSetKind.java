package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import io.vessel.kit.selector.LabelSelectors;
import java.util.Map;

final class ReplicaSetKind implements ReplicatedKind<ReplicaSet> {
  @Override
  public ResourceType<ReplicaSet> type() {
    return Resources.REPLICA_SETS;
  }

  @Override
  public boolean selects(ReplicaSet rs, Map<String, String> podLabels) {
    return LabelSelectors.matches(rs.getSpec().getSelector(), podLabels);
  }

  @Override
  public int replicas(ReplicaSet rs) {
    Integer n = rs.getSpec().getReplicas();
    return n == null ? 1 : n;
  }

  @Override
  public int minReadySeconds(ReplicaSet rs) {
    Integer n = rs.getSpec().getMinReadySeconds();
    return n == null ? 0 : n;
  }

  @Override
  public PodTemplateSpec template(ReplicaSet rs) {
    return rs.getSpec().getTemplate();
  }
}
