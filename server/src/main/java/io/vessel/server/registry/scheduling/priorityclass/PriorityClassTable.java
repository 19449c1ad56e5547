package io.vessel.server.registry.scheduling.priorityclass;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, VALUE, GLOBAL-DEFAULT, AGE, PREEMPTIONPOLICY. */
public final class PriorityClassTable implements TableConvertor<PriorityClass> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.integer("Value", "The priority pods of the class get."),
          TableColumn.bool("Global-Default", "Whether pods without a class get this one."),
          TableColumn.ageColumn(),
          TableColumn.text("PreemptionPolicy", "Whether the class's pods may preempt others."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PriorityClass pc, Instant now) {
    return List.of(
        pc.getMetadata().getName(),
        TableCells.orZero(pc.getValue()),
        Boolean.TRUE.equals(pc.getGlobalDefault()),
        Ages.of(pc, now),
        TableCells.orEmpty(pc.getPreemptionPolicy()));
  }
}
