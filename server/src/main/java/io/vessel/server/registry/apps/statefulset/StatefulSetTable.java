package io.vessel.server.registry.apps.statefulset;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, READY, AGE (+ CONTAINERS, IMAGES wide). */
public final class StatefulSetTable implements TableConvertor<StatefulSet> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Ready", "Ready pods out of the desired replicas."),
          TableColumn.ageColumn(),
          TableColumn.wide("Containers", "Names of each container in the template."),
          TableColumn.wide("Images", "Images referenced by each container in the template."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(StatefulSet sts, Instant now) {
    StatefulSetSpec spec = sts.getSpec() == null ? new StatefulSetSpec() : sts.getSpec();
    int ready =
        sts.getStatus() == null ? 0 : (int) TableCells.orZero(sts.getStatus().getReadyReplicas());
    List<String> containers =
        TableCells.containersAndImages(spec.getTemplate());
    return List.of(
        sts.getMetadata().getName(),
        ready + "/" + TableCells.orZero(spec.getReplicas()),
        Ages.of(sts, now),
        containers.get(0),
        containers.get(1));
  }
}
