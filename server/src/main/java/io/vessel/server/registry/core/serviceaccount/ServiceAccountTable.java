package io.vessel.server.registry.core.serviceaccount;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, SECRETS (how many are listed), AGE. */
public final class ServiceAccountTable implements TableConvertor<ServiceAccount> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Secrets", "The number of secrets the service account lists."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ServiceAccount sa, Instant now) {
    long secrets = sa.getSecrets() == null ? 0 : sa.getSecrets().size();
    return List.of(sa.getMetadata().getName(), secrets, Ages.of(sa, now));
  }
}
