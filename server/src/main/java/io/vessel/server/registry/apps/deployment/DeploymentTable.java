package io.vessel.server.registry.apps.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, READY, UP-TO-DATE, AVAILABLE, AGE (+ CONTAINERS, IMAGES, SELECTOR wide). */
public final class DeploymentTable implements TableConvertor<Deployment> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.text("Ready", "Ready pods out of the desired replicas."),
              TableColumn.integer("Up-to-date", "Pods that run the current template."),
              TableColumn.integer("Available", "Pods available to serve."),
              TableColumn.ageColumn()),
          "the deployment's pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Deployment d, Instant now) {
    DeploymentSpec spec = d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
    DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    List<String> containers =
        TableCells.containersAndImages(spec.getTemplate());
    return List.of(
        d.getMetadata().getName(),
        TableCells.orZero(status.getReadyReplicas()) + "/" + TableCells.orZero(spec.getReplicas()),
        TableCells.orZero(status.getUpdatedReplicas()),
        TableCells.orZero(status.getAvailableReplicas()),
        Ages.of(d, now),
        containers.get(0),
        containers.get(1),
        TableCells.selectorText(spec.getSelector()));
  }
}
