package io.vessel.server.registry.coordination.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, HOLDER, AGE. */
public final class LeaseTable implements TableConvertor<Lease> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Holder", "The identity holding the lease."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Lease lease, Instant now) {
    String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    return List.of(lease.getMetadata().getName(), TableCells.orEmpty(holder), Ages.of(lease, now));
  }
}
