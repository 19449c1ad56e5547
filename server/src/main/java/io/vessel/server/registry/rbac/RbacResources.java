package io.vessel.server.registry.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.vessel.server.registry.DefaultTable;
import io.vessel.server.registry.ResourceDefinition;
import java.util.List;

/** The rbac.authorization.k8s.io/v1 resources (stored; enforcing them is the authz issue). */
public final class RbacResources {
  static final String GROUP = "rbac.authorization.k8s.io";

  private RbacResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder(GROUP, "v1", "clusterrolebindings", "ClusterRoleBinding")
            .clusterScoped()
            .model(
                ClusterRoleBinding.class,
                BindingStrategy.clusterRoleBindings(),
                new BindingTable<>())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "clusterroles", "ClusterRole")
            .clusterScoped()
            .model(ClusterRole.class, RoleStrategy.clusterRoles(), new DefaultTable<>())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "rolebindings", "RoleBinding")
            .model(RoleBinding.class, BindingStrategy.roleBindings(), new BindingTable<>())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "roles", "Role")
            .model(Role.class, RoleStrategy.roles(), new DefaultTable<>())
            .build());
  }
}
