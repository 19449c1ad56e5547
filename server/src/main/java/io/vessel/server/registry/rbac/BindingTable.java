package io.vessel.server.registry.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * NAME, ROLE ({@code Kind/name}), AGE (+ USERS, GROUPS, SERVICEACCOUNTS wide) for RoleBindings and
 * ClusterRoleBindings.
 */
public final class BindingTable<T extends HasMetadata> implements TableConvertor<T> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Role", "The role the binding grants."),
          TableColumn.ageColumn(),
          TableColumn.wide("Users", "Users in the binding"),
          TableColumn.wide("Groups", "Groups in the binding"),
          TableColumn.wide("ServiceAccounts", "ServiceAccounts in the binding"));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(T binding, Instant now) {
    RoleRef ref = BindingStrategy.roleRef(binding);
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> serviceAccounts = new ArrayList<>();
    for (Subject s : BindingStrategy.subjects(binding)) {
      switch (TableCells.orEmpty(s.getKind())) {
        case "User" -> users.add(s.getName());
        case "Group" -> groups.add(s.getName());
        case "ServiceAccount" ->
            serviceAccounts.add(TableCells.orEmpty(s.getNamespace()) + ":" + s.getName());
        default -> {}
      }
    }
    return List.of(
        binding.getMetadata().getName(),
        ref == null
            ? "/"
            : TableCells.orEmpty(ref.getKind()) + "/" + TableCells.orEmpty(ref.getName()),
        Ages.of(binding, now),
        String.join(", ", users),
        String.join(", ", groups),
        String.join(", ", serviceAccounts));
  }
}
