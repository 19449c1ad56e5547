package io.vessel.server.registry.apiextensions;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.vessel.server.registry.DefaultTable;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.apiextensions.customresourcedefinition.CustomResourceDefinitionStrategy;
import java.util.List;

/** apiextensions.k8s.io/v1 custom resource definitions: stored and checked, not yet served. */
public final class ApiExtensionsResources {
  private ApiExtensionsResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder(
                "apiextensions.k8s.io",
                "v1",
                "customresourcedefinitions",
                "CustomResourceDefinition")
            .clusterScoped()
            .shortNames("crd", "crds")
            .categories("api-extensions")
            .status()
            .model(
                CustomResourceDefinition.class,
                new CustomResourceDefinitionStrategy(),
                new DefaultTable<>())
            .build());
  }
}
