package io.vessel.server.registry.apps.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.List;

/**
 * ReplicaSet rules: one replica by default, pod template defaults, status cleared on create,
 * generation tracked, a selector that matches the template and never changes. (Upstream's empty
 * selector message names "deployment" here too.)
 */
public final class ReplicaSetStrategy extends BasicStrategy<ReplicaSet> {

  public ReplicaSetStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(ReplicaSet rs) {
    if (rs.getSpec() == null) {
      return;
    }
    if (rs.getSpec().getReplicas() == null) {
      rs.getSpec().setReplicas(1);
    }
    PodSpecDefaults.apply(rs.getSpec().getTemplate());
  }

  @Override
  public void validate(ReplicaSet rs, FieldErrors errors) {
    ReplicaSetSpec spec = rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
    WorkloadValidation.nonNegative("spec.replicas", spec.getReplicas(), errors);
    WorkloadValidation.nonNegative("spec.minReadySeconds", spec.getMinReadySeconds(), errors);
    WorkloadValidation.selectorAndTemplate(
        spec.getSelector(), spec.getTemplate(), "deployment", List.of("Always"), errors);
  }

  @Override
  public void validateUpdate(ReplicaSet rs, ReplicaSet old, FieldErrors errors) {
    validate(rs, errors);
    WorkloadValidation.immutableSelector(
        rs.getSpec() == null ? null : rs.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector(),
        errors);
  }
}
