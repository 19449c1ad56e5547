package io.vessel.server.registry.core.persistentvolume;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import io.vessel.server.registry.core.VolumeCells;
import java.time.Instant;
import java.util.List;

/**
 * NAME, CAPACITY, ACCESS MODES, RECLAIM POLICY, STATUS, CLAIM, STORAGECLASS, VOLUMEATTRIBUTESCLASS,
 * REASON, AGE (+ VOLUMEMODE wide).
 */
public final class PersistentVolumeTable implements TableConvertor<PersistentVolume> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Capacity", "The storage capacity of the volume."),
          TableColumn.text("Access Modes", "The ways the volume can be mounted."),
          TableColumn.text("Reclaim Policy", "What happens to the volume when released."),
          TableColumn.text("Status", "The phase of the volume."),
          TableColumn.text("Claim", "The claim bound to the volume."),
          TableColumn.text("StorageClass", "StorageClass of the pv"),
          TableColumn.text("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
          TableColumn.text("Reason", "Why the volume is in its phase."),
          TableColumn.ageColumn(),
          TableColumn.wide("VolumeMode", "Whether the volume is a filesystem or a block device."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(PersistentVolume pv, Instant now) {
    PersistentVolumeSpec spec = pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
    ObjectReference claim = spec.getClaimRef();
    String claimCell =
        claim == null
            ? ""
            : TableCells.orEmpty(claim.getNamespace()) + "/" + TableCells.orEmpty(claim.getName());
    Quantity size = spec.getCapacity() == null ? null : spec.getCapacity().get("storage");
    var status = pv.getStatus();
    String phase = status == null ? "" : TableCells.orEmpty(status.getPhase());
    if (pv.getMetadata().getDeletionTimestamp() != null) {
      phase = "Terminating";
    }
    return List.of(
        pv.getMetadata().getName(),
        size == null ? "0" : size.toString(),
        VolumeCells.accessModes(spec.getAccessModes()),
        TableCells.orEmpty(spec.getPersistentVolumeReclaimPolicy()),
        phase,
        claimCell,
        VolumeCells.storageClass(pv.getMetadata().getAnnotations(), spec.getStorageClassName()),
        spec.getVolumeAttributesClassName() == null
            ? "<unset>"
            : spec.getVolumeAttributesClassName(),
        status == null ? "" : TableCells.orEmpty(status.getReason()),
        Ages.of(pv, now),
        spec.getVolumeMode() == null ? "<unset>" : spec.getVolumeMode());
  }
}
