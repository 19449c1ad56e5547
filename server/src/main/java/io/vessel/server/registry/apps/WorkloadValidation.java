package io.vessel.server.registry.apps;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.selector.SelectorException;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.core.pod.PodSpecValidation;
import java.util.List;
import java.util.Map;

/**
 * The checks every pod-managing workload shares, with upstream's paths and messages: a non-empty
 * selector that matches the template's labels, a valid template with the restart policies the kind
 * allows, non-negative counts, and a selector that never changes.
 */
public final class WorkloadValidation {
  static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

  private WorkloadValidation() {}

  /**
   * {@code spec.selector} required and non-empty ("empty selector is invalid for {@code what}"),
   * {@code spec.template} valid and labelled to match it.
   */
  public static void selectorAndTemplate(
      LabelSelector selector,
      PodTemplateSpec template,
      String what,
      List<String> restartPolicies,
      FieldErrors errors) {
    io.vessel.server.api.selector.LabelSelector parsed = null;
    if (selector == null) {
      errors.required("spec.selector", "");
    } else {
      boolean empty =
          (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
              && (selector.getMatchExpressions() == null
                  || selector.getMatchExpressions().isEmpty());
      if (empty) {
        errors.invalid(
            "spec.selector",
            GoValue.labelSelector(selector),
            "empty selector is invalid for " + what);
      }
      try {
        parsed = io.vessel.server.api.selector.LabelSelector.of(selector);
      } catch (SelectorException e) {
        errors.invalid("spec.selector", GoValue.labelSelector(selector), "invalid label selector");
      }
    }
    template(template, parsed, "spec.template", restartPolicies, errors);
  }

  /** A template whose labels {@code selector} must select (when one is given and not empty). */
  public static void template(
      PodTemplateSpec template,
      io.vessel.server.api.selector.LabelSelector selector,
      String path,
      List<String> restartPolicies,
      FieldErrors errors) {
    if (template == null) {
      errors.required(path, "");
      return;
    }
    Map<String, String> labels =
        template.getMetadata() == null ? null : template.getMetadata().getLabels();
    if (selector != null && !selector.isEverything() && !selector.matches(labels)) {
      errors.invalid(path + ".metadata.labels", GoValue.map(labels), SELECTOR_MISMATCH);
    }
    PodSpecValidation.validate(template.getSpec(), path + ".spec", errors);
    String restart = template.getSpec() == null ? null : template.getSpec().getRestartPolicy();
    if (restart != null && !restartPolicies.contains(restart)) {
      errors.notSupported(path + ".spec.restartPolicy", restart, restartPolicies);
    }
  }

  /** ValidateNonnegativeField. */
  public static void nonNegative(String field, Integer value, FieldErrors errors) {
    if (value != null && value < 0) {
      errors.invalid(field, value, "must be greater than or equal to 0");
    }
  }

  /** {@code spec.selector} may not change after create (apps/v1, batch/v1). */
  public static void immutableSelector(
      LabelSelector selector, LabelSelector old, FieldErrors errors) {
    if (!GoValue.labelSelector(selector).equals(GoValue.labelSelector(old))) {
      errors.immutable("spec.selector", GoValue.labelSelector(selector));
    }
  }
}
