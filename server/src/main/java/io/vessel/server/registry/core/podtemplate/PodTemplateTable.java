package io.vessel.server.registry.core.podtemplate;

import io.fabric8.kubernetes.api.model.PodTemplate;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, CONTAINERS, IMAGES, POD LABELS. */
public final class PodTemplateTable implements TableConvertor<PodTemplate> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Containers", "Names of each container in the template."),
          TableColumn.text("Images", "Images referenced by each container in the template."),
          TableColumn.text("Pod Labels", "The labels for the pod template."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PodTemplate pt, Instant now) {
    var template = pt.getTemplate();
    List<String> containers =
        TableCells.containersAndImages(
            template == null || template.getSpec() == null
                ? null
                : template.getSpec().getContainers());
    var labels =
        template == null || template.getMetadata() == null
            ? null
            : template.getMetadata().getLabels();
    return List.of(
        pt.getMetadata().getName(),
        containers.get(0),
        containers.get(1),
        TableCells.labels(labels));
  }
}
