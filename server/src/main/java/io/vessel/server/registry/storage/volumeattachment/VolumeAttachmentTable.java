package io.vessel.server.registry.storage.volumeattachment;

import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, ATTACHER, PV, NODE, ATTACHED, AGE. */
public final class VolumeAttachmentTable implements TableConvertor<VolumeAttachment> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          new TableColumn("Attacher", "string", "name", "The driver that attaches the volume.", 0),
          TableColumn.text("PV", "The persistent volume attached."),
          TableColumn.text("Node", "The node the volume is attached to."),
          TableColumn.bool("Attached", "Whether the attach operation succeeded."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(VolumeAttachment va, Instant now) {
    var spec = va.getSpec();
    String pv =
        spec == null || spec.getSource() == null
            ? ""
            : TableCells.orEmpty(spec.getSource().getPersistentVolumeName());
    return List.of(
        va.getMetadata().getName(),
        spec == null ? "" : TableCells.orEmpty(spec.getAttacher()),
        pv,
        spec == null ? "" : TableCells.orEmpty(spec.getNodeName()),
        va.getStatus() != null && Boolean.TRUE.equals(va.getStatus().getAttached()),
        Ages.of(va, now));
  }
}
