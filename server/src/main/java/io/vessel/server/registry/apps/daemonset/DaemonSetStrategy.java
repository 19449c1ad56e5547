package io.vessel.server.registry.apps.daemonset;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.List;

/**
 * DaemonSet rules: apps/v1 defaults (RollingUpdate with maxUnavailable 1 and maxSurge 0, ten
 * revisions, pod template defaults), status cleared on create, generation tracked, a selector that
 * matches the template and never changes.
 */
public final class DaemonSetStrategy extends BasicStrategy<DaemonSet> {
  private static final List<String> TYPES = List.of("OnDelete", "RollingUpdate");

  public DaemonSetStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(DaemonSet ds) {
    DaemonSetSpec spec = ds.getSpec();
    if (spec == null) {
      return;
    }
    DaemonSetUpdateStrategy update = spec.getUpdateStrategy();
    if (update == null) {
      update = new DaemonSetUpdateStrategy();
      spec.setUpdateStrategy(update);
    }
    if (update.getType() == null || update.getType().isEmpty()) {
      update.setType("RollingUpdate");
    }
    if (update.getType().equals("RollingUpdate")) {
      RollingUpdateDaemonSet rolling = update.getRollingUpdate();
      if (rolling == null) {
        rolling = new RollingUpdateDaemonSet();
        update.setRollingUpdate(rolling);
      }
      if (rolling.getMaxUnavailable() == null) {
        rolling.setMaxUnavailable(new IntOrString(1));
      }
      if (rolling.getMaxSurge() == null) {
        rolling.setMaxSurge(new IntOrString(0));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  public void validate(DaemonSet ds, FieldErrors errors) {
    DaemonSetSpec spec = ds.getSpec() == null ? new DaemonSetSpec() : ds.getSpec();
    WorkloadValidation.selectorAndTemplate(
        spec.getSelector(), spec.getTemplate(), "daemonset", List.of("Always"), errors);
    WorkloadValidation.nonNegative("spec.minReadySeconds", spec.getMinReadySeconds(), errors);
    if (spec.getUpdateStrategy() != null && !Enums.contains(TYPES, spec.getUpdateStrategy().getType())) {
      errors.notSupported("spec.updateStrategy.type", spec.getUpdateStrategy().getType(), TYPES);
    }
  }

  @Override
  public void validateUpdate(DaemonSet ds, DaemonSet old, FieldErrors errors) {
    validate(ds, errors);
    WorkloadValidation.immutableSelector(
        ds.getSpec() == null ? null : ds.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector(),
        errors);
  }
}
