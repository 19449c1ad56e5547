package io.vessel.server.registry.policy.poddisruptionbudget;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, MIN AVAILABLE, MAX UNAVAILABLE, ALLOWED DISRUPTIONS, AGE. */
public final class PodDisruptionBudgetTable implements TableConvertor<PodDisruptionBudget> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Min Available", "The minimum number of pods that must be available."),
          TableColumn.text(
              "Max Unavailable", "The maximum number of pods that may be unavailable."),
          TableColumn.integer("Allowed Disruptions", "How many pods may be disrupted now."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PodDisruptionBudget pdb, Instant now) {
    var spec = pdb.getSpec();
    return List.of(
        pdb.getMetadata().getName(),
        intOrString(spec == null ? null : spec.getMinAvailable()),
        intOrString(spec == null ? null : spec.getMaxUnavailable()),
        pdb.getStatus() == null ? 0L : TableCells.orZero(pdb.getStatus().getDisruptionsAllowed()),
        Ages.of(pdb, now));
  }

  static String intOrString(IntOrString v) {
    if (v == null) {
      return "N/A";
    }
    return v.getIntVal() != null ? v.getIntVal().toString() : TableCells.orEmpty(v.getStrVal());
  }
}
