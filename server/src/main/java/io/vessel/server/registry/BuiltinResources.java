package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.vessel.server.registry.core.namespace.NamespaceStrategy;
import io.vessel.server.registry.core.namespace.NamespaceTable;
import io.vessel.server.registry.core.service.ServiceStrategy;
import io.vessel.server.registry.core.service.ServiceTable;
import java.util.List;

/** The resources Vessel serves, with the names, verbs and subresources discovery reports. */
public final class BuiltinResources {
  private BuiltinResources() {}

  public static ResourceCatalog catalog() {
    return new ResourceCatalog(
        List.of(
            ResourceDefinition.builder("", "v1", "namespaces", "Namespace")
                .clusterScoped()
                .shortNames("ns")
                .verbs("create", "delete", "get", "list", "patch", "update", "watch")
                .subresource("finalize", "Namespace", "update")
                .subresource("status", "Namespace", "get", "patch", "update")
                .model(Namespace.class, new NamespaceStrategy(), new NamespaceTable())
                .field("status.phase", "/status/phase")
                .build(),
            ResourceDefinition.builder("", "v1", "services", "Service")
                .shortNames("svc")
                .categories("all")
                .verbs("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")
                .subresource("status", "Service", "get", "patch", "update")
                .model(Service.class, new ServiceStrategy(), new ServiceTable())
                .build()));
  }
}
