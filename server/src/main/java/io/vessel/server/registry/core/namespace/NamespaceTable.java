package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, STATUS, AGE: the columns kube-apiserver prints for namespaces. */
public final class NamespaceTable implements TableConvertor<Namespace> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Status", "The status of the namespace"),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Namespace ns, Instant now) {
    String phase = ns.getStatus() == null ? "" : ns.getStatus().getPhase();
    return List.of(ns.getMetadata().getName(), phase == null ? "" : phase, Ages.of(ns, now));
  }
}
