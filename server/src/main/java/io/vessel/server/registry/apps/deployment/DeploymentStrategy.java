package io.vessel.server.registry.apps.deployment;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.List;

/**
 * Deployment rules: apps/v1 defaults (one replica, RollingUpdate 25%/25%, ten revisions kept, a 600
 * s progress deadline, pod template defaults), status cleared on create, generation tracked, a
 * selector that matches the template and never changes.
 */
public final class DeploymentStrategy extends BasicStrategy<Deployment> {
  private static final List<String> TYPES = List.of("Recreate", "RollingUpdate");

  public DeploymentStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(Deployment d) {
    DeploymentSpec spec = d.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    // The model's DeploymentStrategy (spec.strategy) shares this class's name.
    io.fabric8.kubernetes.api.model.apps.DeploymentStrategy strategy = spec.getStrategy();
    if (strategy == null) {
      strategy = new io.fabric8.kubernetes.api.model.apps.DeploymentStrategy();
      spec.setStrategy(strategy);
    }
    if (strategy.getType() == null || strategy.getType().isEmpty()) {
      strategy.setType("RollingUpdate");
    }
    if (strategy.getType().equals("RollingUpdate")) {
      RollingUpdateDeployment rolling = strategy.getRollingUpdate();
      if (rolling == null) {
        rolling = new RollingUpdateDeployment();
        strategy.setRollingUpdate(rolling);
      }
      if (rolling.getMaxUnavailable() == null) {
        rolling.setMaxUnavailable(new IntOrString("25%"));
      }
      if (rolling.getMaxSurge() == null) {
        rolling.setMaxSurge(new IntOrString("25%"));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    if (spec.getProgressDeadlineSeconds() == null) {
      spec.setProgressDeadlineSeconds(600);
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  public void validate(Deployment d, FieldErrors errors) {
    DeploymentSpec spec = d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
    WorkloadValidation.nonNegative("spec.replicas", spec.getReplicas(), errors);
    WorkloadValidation.selectorAndTemplate(
        spec.getSelector(), spec.getTemplate(), "deployment", List.of("Always"), errors);
    var strategy = spec.getStrategy();
    if (strategy != null && !Enums.contains(TYPES, strategy.getType())) {
      errors.notSupported("spec.strategy.type", strategy.getType(), TYPES);
    }
    if (strategy != null
        && "Recreate".equals(strategy.getType())
        && strategy.getRollingUpdate() != null) {
      errors.forbidden(
          "spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
    }
    if (strategy != null && strategy.getRollingUpdate() != null) {
      RollingUpdateDeployment r = strategy.getRollingUpdate();
      if (isZero(r.getMaxUnavailable()) && isZero(r.getMaxSurge())) {
        errors.invalid(
            "spec.strategy.rollingUpdate.maxUnavailable",
            r.getMaxUnavailable().getIntVal() != null
                ? r.getMaxUnavailable().getIntVal()
                : r.getMaxUnavailable().getStrVal(),
            "may not be 0 when `maxSurge` is 0");
      }
    }
    WorkloadValidation.nonNegative(
        "spec.revisionHistoryLimit", spec.getRevisionHistoryLimit(), errors);
    WorkloadValidation.nonNegative("spec.minReadySeconds", spec.getMinReadySeconds(), errors);
  }

  @Override
  public void validateUpdate(Deployment d, Deployment old, FieldErrors errors) {
    validate(d, errors);
    WorkloadValidation.immutableSelector(
        d.getSpec() == null ? null : d.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector(),
        errors);
  }

  private static boolean isZero(IntOrString v) {
    if (v == null) {
      return false;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal() == 0;
    }
    return "0%".equals(v.getStrVal()) || "0".equals(v.getStrVal());
  }
}
