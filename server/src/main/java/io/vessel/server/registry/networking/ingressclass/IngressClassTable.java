package io.vessel.server.registry.networking.ingressclass;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, CONTROLLER, PARAMETERS ({@code Kind.group/name}), AGE. */
public final class IngressClassTable implements TableConvertor<IngressClass> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Controller", "The controller that handles the class."),
          TableColumn.text("Parameters", "The resource holding the class's parameters."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(IngressClass ic, Instant now) {
    var spec = ic.getSpec();
    String parameters = TableCells.NONE;
    if (spec != null && spec.getParameters() != null) {
      var p = spec.getParameters();
      parameters = TableCells.orEmpty(p.getKind());
      if (p.getApiGroup() != null) {
        parameters += "." + p.getApiGroup();
      }
      parameters += "/" + TableCells.orEmpty(p.getName());
    }
    return List.of(
        ic.getMetadata().getName(),
        spec == null ? "" : TableCells.orEmpty(spec.getController()),
        parameters,
        Ages.of(ic, now));
  }
}
