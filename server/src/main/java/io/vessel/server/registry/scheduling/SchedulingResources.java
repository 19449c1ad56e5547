package io.vessel.server.registry.scheduling;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.scheduling.priorityclass.PriorityClassStrategy;
import io.vessel.server.registry.scheduling.priorityclass.PriorityClassTable;
import java.util.List;

/** The scheduling.k8s.io/v1 resources. */
public final class SchedulingResources {
  private SchedulingResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass")
            .clusterScoped()
            .shortNames("pc")
            .model(PriorityClass.class, new PriorityClassStrategy(), new PriorityClassTable())
            .build());
  }
}
