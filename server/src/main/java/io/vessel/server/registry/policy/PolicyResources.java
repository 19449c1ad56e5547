package io.vessel.server.registry.policy;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.policy.poddisruptionbudget.PodDisruptionBudgetStrategy;
import io.vessel.server.registry.policy.poddisruptionbudget.PodDisruptionBudgetTable;
import java.util.List;

/** The policy/v1 resources (the pods/eviction subresource comes with the drain issue). */
public final class PolicyResources {
  private PolicyResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget")
            .shortNames("pdb")
            .status()
            .model(
                PodDisruptionBudget.class,
                new PodDisruptionBudgetStrategy(),
                new PodDisruptionBudgetTable())
            .build());
  }
}
