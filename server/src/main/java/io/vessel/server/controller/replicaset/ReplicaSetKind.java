package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.PodTemplates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

  @Override
  public ReplicaStatus status(ReplicaSet rs) {
    ReplicaSetStatus s = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    ReplicaStatus.Failure failure = null;
    if (s.getConditions() != null) {
      for (ReplicaSetCondition c : s.getConditions()) {
        if ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())) {
          failure = new ReplicaStatus.Failure(c.getReason(), c.getMessage());
        }
      }
    }
    return new ReplicaStatus(
        n(s.getReplicas()),
        n(s.getFullyLabeledReplicas()),
        n(s.getReadyReplicas()),
        n(s.getAvailableReplicas()),
        s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(),
        failure);
  }

  @Override
  public ReplicaSet withStatus(ReplicaSet rs, ReplicaStatus st) {
    ReplicaSet copy = PodTemplates.copy(rs, ReplicaSet.class);
    ReplicaSetStatus s = new ReplicaSetStatus();
    s.setReplicas(st.replicas());
    s.setFullyLabeledReplicas(st.fullyLabeledReplicas());
    s.setReadyReplicas(st.readyReplicas());
    s.setAvailableReplicas(st.availableReplicas());
    s.setObservedGeneration(st.observedGeneration());
    List<ReplicaSetCondition> conditions = new ArrayList<>();
    if (st.failure() != null) {
      ReplicaSetCondition c = new ReplicaSetCondition();
      c.setType("ReplicaFailure");
      c.setStatus("True");
      c.setReason(st.failure().reason());
      c.setMessage(st.failure().message());
      c.setLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      conditions.add(c);
    }
    s.setConditions(conditions.isEmpty() ? null : conditions);
    copy.setStatus(s);
    return copy;
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
