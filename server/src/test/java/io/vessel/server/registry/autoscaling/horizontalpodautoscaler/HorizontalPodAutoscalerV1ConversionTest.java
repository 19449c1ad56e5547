package io.vessel.server.registry.autoscaling.horizontalpodautoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerV1ConversionTest {
  private final HorizontalPodAutoscalerV1Conversion conversion =
      new HorizontalPodAutoscalerV1Conversion();

  @Test
  @DisplayName("to v1, cpu utilization metric, becomes targetCPUUtilizationPercentage")
  void cpuTarget() {
    HorizontalPodAutoscaler v2 =
        Fixtures.yaml(
            """
metadata: {name: web, resourceVersion: "7"}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
  metrics:
  - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}
status:
  currentReplicas: 3
  desiredReplicas: 4
  currentMetrics:
  - {type: Resource, resource: {name: cpu, current: {averageUtilization: 55}}}
""",
            HorizontalPodAutoscaler.class);

    var v1 = conversion.toServed(v2);

    assertThat(v1.getApiVersion()).isEqualTo("autoscaling/v1");
    assertThat(v1.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(v1.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(v1.getSpec().getTargetCPUUtilizationPercentage()).isEqualTo(70);
    assertThat(v1.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
    assertThat(v1.getStatus().getCurrentCPUUtilizationPercentage()).isEqualTo(55);
    assertThat(v1.getStatus().getDesiredReplicas()).isEqualTo(4);
  }

  @Test
  @DisplayName("round trip, metrics and behavior v1 cannot hold, come back unchanged")
  void roundTrip() {
    HorizontalPodAutoscaler v2 =
        Fixtures.yaml(
            """
metadata: {name: web, annotations: {team: a}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - {type: Pods, pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: "100"}}}
  - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}
  behavior:
    scaleDown: {stabilizationWindowSeconds: 60}
status:
  desiredReplicas: 1
  conditions: [{type: AbleToScale, status: "True", reason: Ready}]
""",
            HorizontalPodAutoscaler.class);

    var v1 = conversion.toServed(v2);
    HorizontalPodAutoscaler back = conversion.toStored(v1);

    assertThat(v1.getMetadata().getAnnotations())
        .containsKeys(
            HorizontalPodAutoscalerV1Conversion.METRICS,
            HorizontalPodAutoscalerV1Conversion.BEHAVIOR,
            HorizontalPodAutoscalerV1Conversion.CONDITIONS)
        .containsEntry("team", "a");
    assertThat(ObjectCodec.tree(back)).isEqualTo(ObjectCodec.tree(v2));
  }
}
