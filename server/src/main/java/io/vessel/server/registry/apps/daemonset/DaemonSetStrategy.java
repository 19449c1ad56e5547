package io.vessel.server.registry.apps.daemonset;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DaemonSet rules: apps/v1 defaults (RollingUpdate with maxUnavailable 1 and maxSurge 0, ten
 * revisions, pod template defaults), status cleared on create, generation tracked, a selector that
 * matches the template and never changes, and the template generation upstream keeps in the
 * {@code deprecated.daemonset.template.generation} annotation: 1 on create, one more on each
 * update that changes the template.
 */
public final class DaemonSetStrategy extends BasicStrategy<DaemonSet> {
  /** Upstream's internal {@code spec.templateGeneration}, as apps/v1 serves it. */
  public static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

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
  public void prepareForCreate(DaemonSet ds) {
    super.prepareForCreate(ds);
    setTemplateGeneration(ds, 1);
  }

  @Override
  public void prepareForUpdate(DaemonSet ds, DaemonSet old) {
    super.prepareForUpdate(ds, old);
    long previous = templateGeneration(old);
    var template = Serialization.json().valueToTree(ds.getSpec() == null ? null : ds.getSpec().getTemplate());
    var before = Serialization.json().valueToTree(old.getSpec() == null ? null : old.getSpec().getTemplate());
    // The count is the server's: a client that leaves the annotation out or edits it keeps the
    // stored one (upstream would take the client's value, or 0 when it is missing).
    setTemplateGeneration(ds, template.equals(before) ? previous : previous + 1);
  }

  private static long templateGeneration(DaemonSet ds) {
    Map<String, String> annotations = ds.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(TEMPLATE_GENERATION);
    try {
      return value == null ? 1 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void setTemplateGeneration(DaemonSet ds, long generation) {
    Map<String, String> annotations =
        ds.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(ds.getMetadata().getAnnotations());
    annotations.put(TEMPLATE_GENERATION, Long.toString(generation));
    ds.getMetadata().setAnnotations(annotations);
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
