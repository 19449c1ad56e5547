package io.vessel.server.registry.core.configmap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, DATA (entries in data and binaryData), AGE. */
public final class ConfigMapTable implements TableConvertor<ConfigMap> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Data", "The number of entries in data and binaryData."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ConfigMap cm, Instant now) {
    long entries =
        (cm.getData() == null ? 0 : cm.getData().size())
            + (cm.getBinaryData() == null ? 0 : cm.getBinaryData().size());
    return List.of(cm.getMetadata().getName(), entries, Ages.of(cm, now));
  }
}
