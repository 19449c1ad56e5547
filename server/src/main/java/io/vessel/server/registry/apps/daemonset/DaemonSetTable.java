package io.vessel.server.registry.apps.daemonset;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/**
 * NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, AGE (+ CONTAINERS, IMAGES,
 * SELECTOR wide).
 */
public final class DaemonSetTable implements TableConvertor<DaemonSet> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.integer("Desired", "Nodes that should run the daemon pod."),
              TableColumn.integer("Current", "Nodes that run at least one daemon pod."),
              TableColumn.integer("Ready", "Nodes whose daemon pod is ready."),
              TableColumn.integer("Up-to-date", "Nodes that run the current template."),
              TableColumn.integer("Available", "Nodes whose daemon pod is available."),
              TableColumn.text("Node Selector", "The node selector of the pod template."),
              TableColumn.ageColumn()),
          "the daemon set's pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(DaemonSet ds, Instant now) {
    DaemonSetSpec spec = ds.getSpec() == null ? new DaemonSetSpec() : ds.getSpec();
    DaemonSetStatus status = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    var podSpec = spec.getTemplate() == null ? null : spec.getTemplate().getSpec();
    List<String> containers =
        TableCells.containersAndImages(podSpec == null ? null : podSpec.getContainers());
    return List.of(
        ds.getMetadata().getName(),
        TableCells.orZero(status.getDesiredNumberScheduled()),
        TableCells.orZero(status.getCurrentNumberScheduled()),
        TableCells.orZero(status.getNumberReady()),
        TableCells.orZero(status.getUpdatedNumberScheduled()),
        TableCells.orZero(status.getNumberAvailable()),
        TableCells.labels(podSpec == null ? null : podSpec.getNodeSelector()),
        Ages.of(ds, now),
        containers.get(0),
        containers.get(1),
        TableCells.labelSelector(spec.getSelector()));
  }
}
