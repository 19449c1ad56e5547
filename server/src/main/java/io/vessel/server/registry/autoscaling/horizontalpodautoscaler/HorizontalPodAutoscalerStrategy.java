package io.vessel.server.registry.autoscaling.horizontalpodautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.ArrayList;
import java.util.List;

/**
 * HorizontalPodAutoscaler rules, on the stored autoscaling/v2 form (v1 requests arrive converted):
 * one minimum replica and an 80% cpu target by default, the upstream scaling rules filled into a
 * behavior that is given, status cleared on create, a named target and sane bounds.
 */
public final class HorizontalPodAutoscalerStrategy extends BasicStrategy<HorizontalPodAutoscaler> {
  /** The cpu utilization an HPA without metrics aims at. */
  static final int DEFAULT_CPU_UTILIZATION = 80;

  public HorizontalPodAutoscalerStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, false);
  }

  @Override
  protected void applyDefaults(HorizontalPodAutoscaler hpa) {
    HorizontalPodAutoscalerSpec spec = hpa.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getMinReplicas() == null) {
      spec.setMinReplicas(1);
    }
    if (spec.getMetrics() == null || spec.getMetrics().isEmpty()) {
      spec.setMetrics(new ArrayList<>(List.of(cpuUtilization(DEFAULT_CPU_UTILIZATION))));
    }
    HorizontalPodAutoscalerBehavior behavior = spec.getBehavior();
    if (behavior != null) {
      behavior.setScaleUp(fill(behavior.getScaleUp(), true));
      behavior.setScaleDown(fill(behavior.getScaleDown(), false));
    }
  }

  static MetricSpec cpuUtilization(int percent) {
    MetricTarget target = new MetricTarget();
    target.setType("Utilization");
    target.setAverageUtilization(percent);
    ResourceMetricSource resource = new ResourceMetricSource();
    resource.setName("cpu");
    resource.setTarget(target);
    MetricSpec metric = new MetricSpec();
    metric.setType("Resource");
    metric.setResource(resource);
    return metric;
  }

  /**
   * Scale-up: no stabilization, at most 4 pods or 100% per 15 s, the larger; scale-down: 300 s
   * stabilization, up to 100% per 15 s.
   */
  private static HPAScalingRules fill(HPAScalingRules rules, boolean up) {
    HPAScalingRules r = rules == null ? new HPAScalingRules() : rules;
    if (r.getStabilizationWindowSeconds() == null) {
      r.setStabilizationWindowSeconds(up ? 0 : 300);
    }
    if (r.getSelectPolicy() == null) {
      r.setSelectPolicy("Max");
    }
    if (r.getPolicies() == null || r.getPolicies().isEmpty()) {
      List<HPAScalingPolicy> policies = new ArrayList<>();
      if (up) {
        policies.add(new HPAScalingPolicy(15, "Pods", 4));
      }
      policies.add(new HPAScalingPolicy(15, "Percent", 100));
      r.setPolicies(policies);
    }
    return r;
  }

  @Override
  public void validate(HorizontalPodAutoscaler hpa, FieldErrors errors) {
    HorizontalPodAutoscalerSpec spec =
        hpa.getSpec() == null ? new HorizontalPodAutoscalerSpec() : hpa.getSpec();
    var ref = spec.getScaleTargetRef();
    if (ref == null || ref.getKind() == null || ref.getKind().isEmpty()) {
      errors.required("spec.scaleTargetRef.kind", "");
    }
    if (ref == null || ref.getName() == null || ref.getName().isEmpty()) {
      errors.required("spec.scaleTargetRef.name", "");
    }
    Integer min = spec.getMinReplicas();
    Integer max = spec.getMaxReplicas();
    if (min != null && min < 1) {
      errors.invalid("spec.minReplicas", min, "must be greater than or equal to 1");
    }
    if (max == null || max < 1) {
      errors.invalid("spec.maxReplicas", max == null ? 0 : max, "must be greater than 0");
    } else if (min != null && max < min) {
      errors.invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`");
    }
  }

  @Override
  public void validateUpdate(
      HorizontalPodAutoscaler hpa, HorizontalPodAutoscaler old, FieldErrors errors) {
    validate(hpa, errors);
  }
}
