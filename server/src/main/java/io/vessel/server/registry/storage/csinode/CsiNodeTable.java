package io.vessel.server.registry.storage.csinode;

import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, DRIVERS (how many are registered on the node), AGE. */
public final class CsiNodeTable implements TableConvertor<CSINode> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.integer("Drivers", "The number of CSI drivers registered on the node."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CSINode n, Instant now) {
    long drivers =
        n.getSpec() == null || n.getSpec().getDrivers() == null
            ? 0
            : n.getSpec().getDrivers().size();
    return List.of(n.getMetadata().getName(), drivers, Ages.of(n, now));
  }
}
