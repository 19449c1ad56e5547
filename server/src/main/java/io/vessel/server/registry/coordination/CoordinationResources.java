package io.vessel.server.registry.coordination;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.coordination.lease.LeaseTable;
import java.util.List;

/** The coordination.k8s.io/v1 resources. */
public final class CoordinationResources {
  private CoordinationResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("coordination.k8s.io", "v1", "leases", "Lease")
            .model(Lease.class, BasicStrategy.plain(), new LeaseTable())
            .build());
  }
}
