package io.vessel.server.registry.policy.poddisruptionbudget;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;

/**
 * PodDisruptionBudget rules: status cleared on create, generation tracked, and at most one of
 * minAvailable and maxUnavailable.
 */
public final class PodDisruptionBudgetStrategy extends BasicStrategy<PodDisruptionBudget> {

  public PodDisruptionBudgetStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  public void validate(PodDisruptionBudget pdb, FieldErrors errors) {
    var spec = pdb.getSpec();
    if (spec != null && spec.getMinAvailable() != null && spec.getMaxUnavailable() != null) {
      errors.invalid(
          "spec",
          new GoValue("policy.PodDisruptionBudgetSpec{...}"),
          "minAvailable and maxUnavailable cannot be both set");
    }
    var policies = List.of("IfHealthyBudget", "AlwaysAllow");
    if (spec != null
        && spec.getUnhealthyPodEvictionPolicy() != null
        && !policies.contains(spec.getUnhealthyPodEvictionPolicy())) {
      errors.notSupported(
          "spec.unhealthyPodEvictionPolicy", spec.getUnhealthyPodEvictionPolicy(), policies);
    }
  }

  @Override
  public void validateUpdate(PodDisruptionBudget pdb, PodDisruptionBudget old, FieldErrors errors) {
    validate(pdb, errors);
  }
}
