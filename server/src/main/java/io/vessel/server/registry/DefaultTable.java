package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;

/**
 * The table kube-apiserver serves for resources without printer columns: Name and Created At.
 */
public final class DefaultTable<T extends HasMetadata> implements TableConvertor<T> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          new TableColumn(
              "Created At",
              "date",
              "",
              "CreationTimestamp is a timestamp representing the server time when this object was"
                  + " created.",
              0));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(T obj, Instant now) {
    String created = obj.getMetadata().getCreationTimestamp();
    return List.of(obj.getMetadata().getName(), created == null ? "" : created);
  }
}
