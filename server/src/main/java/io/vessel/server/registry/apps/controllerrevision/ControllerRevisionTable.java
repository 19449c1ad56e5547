package io.vessel.server.registry.apps.controllerrevision;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, CONTROLLER ({@code kind.group/name} of the controller owner), REVISION, AGE. */
public final class ControllerRevisionTable implements TableConvertor<ControllerRevision> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Controller", "The controller that owns the revision."),
          TableColumn.text("Revision", "The revision number."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ControllerRevision cr, Instant now) {
    return List.of(
        cr.getMetadata().getName(),
        controller(cr),
        cr.getRevision() == null ? 0L : cr.getRevision(),
        Ages.of(cr, now));
  }

  static String controller(ControllerRevision cr) {
    List<OwnerReference> owners = cr.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (OwnerReference o : owners) {
        if (Boolean.TRUE.equals(o.getController())) {
          String apiVersion = TableCells.orEmpty(o.getApiVersion());
          int slash = apiVersion.indexOf('/');
          String group = slash < 0 ? "" : apiVersion.substring(0, slash);
          String kind = TableCells.orEmpty(o.getKind());
          String groupKind = group.isEmpty() ? kind : kind + "." + group;
          return groupKind.isEmpty() ? o.getName() : groupKind.toLowerCase() + "/" + o.getName();
        }
      }
    }
    return TableCells.NONE;
  }
}
