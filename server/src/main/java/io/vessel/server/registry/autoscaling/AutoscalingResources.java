package io.vessel.server.registry.autoscaling;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.autoscaling.horizontalpodautoscaler.HorizontalPodAutoscalerStrategy;
import io.vessel.server.registry.autoscaling.horizontalpodautoscaler.HorizontalPodAutoscalerTable;
import io.vessel.server.registry.autoscaling.horizontalpodautoscaler.HorizontalPodAutoscalerV1Conversion;
import io.vessel.server.registry.autoscaling.horizontalpodautoscaler.HorizontalPodAutoscalerV1Table;
import java.util.List;

/**
 * autoscaling/v2 (preferred, stored) and autoscaling/v1 horizontalpodautoscalers: one storage
 * resource, v1 converted on the way in and out.
 */
public final class AutoscalingResources {
  private AutoscalingResources() {}

  public static List<ResourceDefinition> definitions() {
    HorizontalPodAutoscalerStrategy strategy = new HorizontalPodAutoscalerStrategy();
    return List.of(
        ResourceDefinition.builder(
                "autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler")
            .shortNames("hpa")
            .categories("all")
            .status()
            .model(HorizontalPodAutoscaler.class, strategy, new HorizontalPodAutoscalerTable())
            .build(),
        ResourceDefinition.builder(
                "autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler")
            .shortNames("hpa")
            .categories("all")
            .status()
            .convertedModel(
                io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class,
                "autoscaling/horizontalpodautoscalers",
                new HorizontalPodAutoscalerV1Conversion(),
                strategy,
                new HorizontalPodAutoscalerV1Table())
            .build());
  }
}
