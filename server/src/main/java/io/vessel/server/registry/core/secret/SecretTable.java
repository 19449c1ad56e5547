package io.vessel.server.registry.core.secret;

import io.fabric8.kubernetes.api.model.Secret;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, TYPE, DATA (entries), AGE. */
public final class SecretTable implements TableConvertor<Secret> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Type", "The type of the secret."),
          TableColumn.text("Data", "The number of entries in data."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Secret s, Instant now) {
    return List.of(
        s.getMetadata().getName(),
        TableCells.orEmpty(s.getType()),
        (long) (s.getData() == null ? 0 : s.getData().size()),
        Ages.of(s, now));
  }
}
