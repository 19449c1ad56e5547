package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerCondition;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.PodTemplates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

  @Override
  public ReplicaStatus status(ReplicationController rc) {
    ReplicationControllerStatus s =
        rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    ReplicaStatus.Failure failure = null;
    if (s.getConditions() != null) {
      for (ReplicationControllerCondition c : s.getConditions()) {
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
  public ReplicationController withStatus(ReplicationController rc, ReplicaStatus st) {
    ReplicationController copy = PodTemplates.copy(rc, ReplicationController.class);
    ReplicationControllerStatus s = new ReplicationControllerStatus();
    s.setReplicas(st.replicas());
    s.setFullyLabeledReplicas(st.fullyLabeledReplicas());
    s.setReadyReplicas(st.readyReplicas());
    s.setAvailableReplicas(st.availableReplicas());
    s.setObservedGeneration(st.observedGeneration());
    if (st.failure() != null) {
      ReplicationControllerCondition c = new ReplicationControllerCondition();
      c.setType("ReplicaFailure");
      c.setStatus("True");
      c.setReason(st.failure().reason());
      c.setMessage(st.failure().message());
      c.setLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      s.setConditions(List.of(c));
    }
    copy.setStatus(s);
    return copy;
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
