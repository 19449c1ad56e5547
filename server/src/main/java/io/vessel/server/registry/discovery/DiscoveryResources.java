package io.vessel.server.registry.discovery;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.discovery.endpointslice.EndpointSliceStrategy;
import io.vessel.server.registry.discovery.endpointslice.EndpointSliceTable;
import java.util.List;

/** The discovery.k8s.io/v1 resources. */
public final class DiscoveryResources {
  private DiscoveryResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice")
            .model(EndpointSlice.class, new EndpointSliceStrategy(), new EndpointSliceTable())
            .build());
  }
}
