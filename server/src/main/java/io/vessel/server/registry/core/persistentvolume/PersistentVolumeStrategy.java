package io.vessel.server.registry.core.persistentvolume;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.SystemMetadata;
import java.util.List;

/**
 * PersistentVolume rules: Retain reclaim policy and Filesystem mode by default, a Pending status
 * with its transition time on create, access modes and a capacity required.
 */
public final class PersistentVolumeStrategy extends BasicStrategy<PersistentVolume> {
  private static final List<String> RECLAIM = List.of("Delete", "Recycle", "Retain");

  public PersistentVolumeStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(PersistentVolume pv) {
    PersistentVolumeSpec spec = pv.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getPersistentVolumeReclaimPolicy() == null) {
      spec.setPersistentVolumeReclaimPolicy("Retain");
    }
    if (spec.getVolumeMode() == null) {
      spec.setVolumeMode("Filesystem");
    }
  }

  @Override
  public void prepareForCreate(PersistentVolume pv) {
    applyDefaults(pv);
    PersistentVolumeStatus status = new PersistentVolumeStatus();
    status.setPhase("Pending");
    status.setLastPhaseTransitionTime(SystemMetadata.now());
    pv.setStatus(status);
  }

  @Override
  public void validate(PersistentVolume pv, FieldErrors errors) {
    PersistentVolumeSpec spec = pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
    if (spec.getAccessModes() == null || spec.getAccessModes().isEmpty()) {
      errors.required("spec.accessModes", "");
    }
    if (spec.getCapacity() == null || !spec.getCapacity().containsKey("storage")) {
      errors.required("spec.capacity", "");
    }
    String reclaim = spec.getPersistentVolumeReclaimPolicy();
    if (reclaim != null && !Enums.contains(RECLAIM, reclaim)) {
      errors.notSupported("spec.persistentVolumeReclaimPolicy", reclaim, RECLAIM);
    }
  }

  @Override
  public void validateUpdate(PersistentVolume pv, PersistentVolume old, FieldErrors errors) {
    validate(pv, errors);
  }
}
