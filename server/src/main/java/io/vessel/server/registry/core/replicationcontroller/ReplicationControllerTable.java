package io.vessel.server.registry.core.replicationcontroller;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, DESIRED, CURRENT, READY, AGE (+ CONTAINERS, IMAGES, SELECTOR wide). */
public final class ReplicationControllerTable implements TableConvertor<ReplicationController> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.integer("Desired", "The number of replicas wanted."),
              TableColumn.integer("Current", "The number of replicas that exist."),
              TableColumn.integer("Ready", "The number of ready replicas."),
              TableColumn.ageColumn()),
          "the controller's pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ReplicationController rc, Instant now) {
    ReplicationControllerSpec spec =
        rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
    ReplicationControllerStatus status =
        rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    List<String> containers =
        TableCells.containersAndImages(spec.getTemplate());
    return List.of(
        rc.getMetadata().getName(),
        TableCells.orZero(spec.getReplicas()),
        TableCells.orZero(status.getReplicas()),
        TableCells.orZero(status.getReadyReplicas()),
        Ages.of(rc, now),
        containers.get(0),
        containers.get(1),
        TableCells.labels(spec.getSelector()));
  }
}
