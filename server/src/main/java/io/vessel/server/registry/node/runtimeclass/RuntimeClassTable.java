package io.vessel.server.registry.node.runtimeclass;

import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, HANDLER, AGE. */
public final class RuntimeClassTable implements TableConvertor<RuntimeClass> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Handler", "The CRI handler that runs the class's pods."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(RuntimeClass rc, Instant now) {
    return List.of(
        rc.getMetadata().getName(), TableCells.orEmpty(rc.getHandler()), Ages.of(rc, now));
  }
}
