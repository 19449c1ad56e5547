package io.vessel.server.registry.core.replicationcontroller;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.selector.LabelSelector;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ReplicationController rules: core/v1 defaults (selector and labels from the template's labels,
 * one replica, pod template defaults), status cleared on create, generation tracked, and a
 * non-empty selector that matches the template.
 */
public final class ReplicationControllerStrategy extends BasicStrategy<ReplicationController> {

  public ReplicationControllerStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(ReplicationController rc) {
    ReplicationControllerSpec spec = rc.getSpec();
    if (spec == null) {
      return;
    }
    Map<String, String> templateLabels =
        spec.getTemplate() == null || spec.getTemplate().getMetadata() == null
            ? null
            : spec.getTemplate().getMetadata().getLabels();
    if (templateLabels != null && !templateLabels.isEmpty()) {
      if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
        spec.setSelector(new LinkedHashMap<>(templateLabels));
      }
      var labels = rc.getMetadata().getLabels();
      if (labels == null || labels.isEmpty()) {
        rc.getMetadata().setLabels(new LinkedHashMap<>(templateLabels));
      }
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  public void validate(ReplicationController rc, FieldErrors errors) {
    ReplicationControllerSpec spec =
        rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
    WorkloadValidation.nonNegative("spec.replicas", spec.getReplicas(), errors);
    WorkloadValidation.nonNegative("spec.minReadySeconds", spec.getMinReadySeconds(), errors);
    Map<String, String> selector = spec.getSelector();
    if (selector == null || selector.isEmpty()) {
      errors.required("spec.selector", "");
    }
    WorkloadValidation.template(
        spec.getTemplate(), selectorOf(selector), "spec.template", List.of("Always"), errors);
  }

  @Override
  public void validateUpdate(
      ReplicationController rc, ReplicationController old, FieldErrors errors) {
    validate(rc, errors);
  }

  private static LabelSelector selectorOf(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return LabelSelector.everything();
    }
    var selector = new io.fabric8.kubernetes.api.model.LabelSelector();
    selector.setMatchLabels(labels);
    return LabelSelector.of(selector);
  }
}
