package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import java.time.Instant;
import java.util.List;

/** NAME, DESIRED, AVAILABLE, AGE: how kube-apiserver prints a {@code scale} subresource. */
public final class ScaleTable implements TableConvertor<Scale> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          new TableColumn("Name", "string", "", "The name of the scaled object.", 0),
          TableColumn.integer("Desired", "The replicas wanted."),
          TableColumn.integer("Available", "The replicas there are."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Scale scale, Instant now) {
    long desired = scale.getSpec() == null ? 0 : TableCells.orZero(scale.getSpec().getReplicas());
    long available =
        scale.getStatus() == null ? 0 : TableCells.orZero(scale.getStatus().getReplicas());
    return List.of(scale.getMetadata().getName(), desired, available, Ages.of(scale, now));
  }
}
