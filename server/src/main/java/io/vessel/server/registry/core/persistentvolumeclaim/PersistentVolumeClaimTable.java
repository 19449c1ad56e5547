package io.vessel.server.registry.core.persistentvolumeclaim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import io.vessel.server.registry.core.VolumeCells;
import java.time.Instant;
import java.util.List;

/**
 * NAME, STATUS, VOLUME, CAPACITY, ACCESS MODES, STORAGECLASS, VOLUMEATTRIBUTESCLASS, AGE (+
 * VOLUMEMODE wide); capacity and modes only once a volume is bound.
 */
public final class PersistentVolumeClaimTable implements TableConvertor<PersistentVolumeClaim> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Status", "The phase of the claim."),
          TableColumn.text("Volume", "The volume bound to the claim."),
          TableColumn.text("Capacity", "The capacity of the bound volume."),
          TableColumn.text("Access Modes", "The access modes of the bound volume."),
          TableColumn.text("StorageClass", "StorageClass of the pvc"),
          TableColumn.text("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
          TableColumn.ageColumn(),
          TableColumn.wide("VolumeMode", "Whether the volume is a filesystem or a block device."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PersistentVolumeClaim pvc, Instant now) {
    PersistentVolumeClaimSpec spec =
        pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec();
    var status = pvc.getStatus();
    String phase = status == null ? "" : TableCells.orEmpty(status.getPhase());
    if (pvc.getMetadata().getDeletionTimestamp() != null) {
      phase = "Terminating";
    }
    String volume = TableCells.orEmpty(spec.getVolumeName());
    String capacity = "";
    String modes = "";
    if (!volume.isEmpty() && status != null) {
      modes = VolumeCells.accessModes(status.getAccessModes());
      Quantity q = status.getCapacity() == null ? null : status.getCapacity().get("storage");
      capacity = q == null ? "0" : q.toString();
    }
    return List.of(
        pvc.getMetadata().getName(),
        phase,
        volume,
        capacity,
        modes,
        VolumeCells.storageClass(pvc.getMetadata().getAnnotations(), spec.getStorageClassName()),
        spec.getVolumeAttributesClassName() == null
            ? "<unset>"
            : spec.getVolumeAttributesClassName(),
        Ages.of(pvc, now),
        spec.getVolumeMode() == null ? "<unset>" : spec.getVolumeMode());
  }
}
