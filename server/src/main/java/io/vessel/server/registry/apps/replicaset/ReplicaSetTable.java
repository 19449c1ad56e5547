package io.vessel.server.registry.apps.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, DESIRED, CURRENT, READY, AGE (+ CONTAINERS, IMAGES, SELECTOR wide). */
public final class ReplicaSetTable implements TableConvertor<ReplicaSet> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.integer("Desired", "The number of replicas wanted."),
              TableColumn.integer("Current", "The number of replicas that exist."),
              TableColumn.integer("Ready", "The number of ready replicas."),
              TableColumn.ageColumn()),
          "the replica set's pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ReplicaSet rs, Instant now) {
    ReplicaSetSpec spec = rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
    ReplicaSetStatus status = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    List<String> containers =
        TableCells.containersAndImages(spec.getTemplate());
    return List.of(
        rs.getMetadata().getName(),
        TableCells.orZero(spec.getReplicas()),
        TableCells.orZero(status.getReplicas()),
        TableCells.orZero(status.getReadyReplicas()),
        Ages.of(rs, now),
        containers.get(0),
        containers.get(1),
        TableCells.labelSelector(spec.getSelector()));
  }
}
