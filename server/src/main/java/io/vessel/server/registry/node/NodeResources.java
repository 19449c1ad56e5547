package io.vessel.server.registry.node;

import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.node.runtimeclass.RuntimeClassStrategy;
import io.vessel.server.registry.node.runtimeclass.RuntimeClassTable;
import java.util.List;

/** The node.k8s.io/v1 resources. */
public final class NodeResources {
  private NodeResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("node.k8s.io", "v1", "runtimeclasses", "RuntimeClass")
            .clusterScoped()
            .model(RuntimeClass.class, new RuntimeClassStrategy(), new RuntimeClassTable())
            .build());
  }
}
