package io.vessel.server.registry.storage.storageclass;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * NAME (" (default)" for the default class), PROVISIONER, RECLAIMPOLICY, VOLUMEBINDINGMODE,
 * ALLOWVOLUMEEXPANSION, AGE.
 */
public final class StorageClassTable implements TableConvertor<StorageClass> {
  static final String DEFAULT = "storageclass.kubernetes.io/is-default-class";
  static final String BETA_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Provisioner", "The volume plugin that provisions volumes."),
          TableColumn.text("ReclaimPolicy", "What happens to released volumes."),
          TableColumn.text("VolumeBindingMode", "When volumes are bound and provisioned."),
          TableColumn.text("AllowVolumeExpansion", "Whether volumes may be expanded."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(StorageClass sc, Instant now) {
    String name = sc.getMetadata().getName();
    if (isDefault(sc.getMetadata().getAnnotations())) {
      name += " (default)";
    }
    return List.of(
        name,
        TableCells.orEmpty(sc.getProvisioner()),
        sc.getReclaimPolicy() == null ? "Delete" : sc.getReclaimPolicy(),
        sc.getVolumeBindingMode() == null ? "Immediate" : sc.getVolumeBindingMode(),
        Boolean.TRUE.equals(sc.getAllowVolumeExpansion()),
        Ages.of(sc, now));
  }

  static boolean isDefault(Map<String, String> annotations) {
    return annotations != null
        && ("true".equals(annotations.get(DEFAULT))
            || "true".equals(annotations.get(BETA_DEFAULT)));
  }
}
