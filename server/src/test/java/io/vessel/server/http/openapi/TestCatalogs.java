package io.vessel.server.http.openapi;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.vessel.server.registry.ResourceCatalog;
import io.vessel.server.registry.ResourceDefinition;
import java.util.List;

/**
 * A catalog with the shapes the documents must cope with, independent of what BuiltinResources
 * serves today: namespaced and cluster-scoped kinds, subresources of the parent's kind, of another
 * group (scale as the catalog declares it; eviction and token as older entries name them, by kind
 * only) and streaming ones, MicroTime fields (Lease), a recursive schema (CustomResourceDefinition)
 * and a group served in two versions.
 */
final class TestCatalogs {
  private TestCatalogs() {}

  static ResourceCatalog wide() {
    return new ResourceCatalog(
        List.of(
            ResourceDefinition.builder("", "v1", "namespaces", "Namespace")
                .clusterScoped()
                .verbs("create", "delete", "get", "list", "patch", "update", "watch")
                .subresource("finalize", "Namespace", "update")
                .subresource("status", "Namespace", "get", "patch", "update")
                .model(Namespace.class, null, null)
                .build(),
            ResourceDefinition.builder("", "v1", "services", "Service")
                .subresource("status", "Service", "get", "patch", "update")
                .model(Service.class, null, null)
                .build(),
            ResourceDefinition.builder("", "v1", "pods", "Pod")
                .subresource("status", "Pod", "get", "patch", "update")
                .subresource("log", "Pod", "get")
                .subresource("exec", "PodExecOptions", "create", "get")
                .subresource("binding", "Binding", "create")
                .subresource("eviction", "Eviction", "create")
                .model(Pod.class, null, null)
                .build(),
            ResourceDefinition.builder("", "v1", "configmaps", "ConfigMap")
                .model(ConfigMap.class, null, null)
                .build(),
            ResourceDefinition.builder("", "v1", "serviceaccounts", "ServiceAccount")
                .subresource("token", "TokenRequest", "create")
                .model(ServiceAccount.class, null, null)
                .build(),
            ResourceDefinition.builder("apps", "v1", "deployments", "Deployment")
                .scale()
                .status()
                .model(Deployment.class, null, null)
                .build(),
            ResourceDefinition.builder("coordination.k8s.io", "v1", "leases", "Lease")
                .model(Lease.class, null, null)
                .build(),
            ResourceDefinition.builder(
                    "autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler")
                .model(
                    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class,
                    null,
                    null)
                .build(),
            ResourceDefinition.builder(
                    "autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler")
                .model(
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
                    null,
                    null)
                .build(),
            ResourceDefinition.builder(
                    "rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole")
                .clusterScoped()
                .model(ClusterRole.class, null, null)
                .build(),
            ResourceDefinition.builder(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    "CustomResourceDefinition")
                .clusterScoped()
                .subresource("status", "CustomResourceDefinition", "get", "patch", "update")
                .model(CustomResourceDefinition.class, null, null)
                .build()));
  }
}
