package io.vessel.server.registry.core.persistentvolumeclaim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;

/**
 * PersistentVolumeClaim rules: Filesystem volume mode, a Pending status on create, access modes and
 * a storage request required, and a spec that is immutable but for the requested resources, the
 * volume attributes class and the binding of a volume name.
 */
public final class PersistentVolumeClaimStrategy extends BasicStrategy<PersistentVolumeClaim> {
  static final String IMMUTABLE =
      "spec is immutable after creation except resources.requests and volumeAttributesClassName"
          + " for bound claims";
  private static final List<String> MODES =
      List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");

  public PersistentVolumeClaimStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  /** The spec defaults, also applied to StatefulSet claim templates. */
  public static void applySpecDefaults(PersistentVolumeClaim pvc) {
    if (pvc.getSpec() != null && pvc.getSpec().getVolumeMode() == null) {
      pvc.getSpec().setVolumeMode("Filesystem");
    }
  }

  @Override
  protected void applyDefaults(PersistentVolumeClaim pvc) {
    applySpecDefaults(pvc);
  }

  @Override
  public void prepareForCreate(PersistentVolumeClaim pvc) {
    applyDefaults(pvc);
    PersistentVolumeClaimStatus status = new PersistentVolumeClaimStatus();
    status.setPhase("Pending");
    pvc.setStatus(status);
  }

  @Override
  public void validate(PersistentVolumeClaim pvc, FieldErrors errors) {
    PersistentVolumeClaimSpec spec =
        pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec();
    List<String> modes = spec.getAccessModes() == null ? List.of() : spec.getAccessModes();
    if (modes.isEmpty()) {
      errors.required("spec.accessModes", "at least 1 access mode is required");
    }
    for (String mode : modes) {
      if (!MODES.contains(mode)) {
        errors.notSupported("spec.accessModes", mode, MODES);
      }
    }
    var requests = spec.getResources() == null ? null : spec.getResources().getRequests();
    if (requests == null || !requests.containsKey("storage")) {
      errors.required("spec.resources[storage]", "");
    }
    List<String> volumeModes = List.of("Block", "Filesystem");
    if (spec.getVolumeMode() != null && !volumeModes.contains(spec.getVolumeMode())) {
      errors.notSupported("spec.volumeMode", spec.getVolumeMode(), volumeModes);
    }
  }

  @Override
  public void validateUpdate(
      PersistentVolumeClaim pvc, PersistentVolumeClaim old, FieldErrors errors) {
    validate(pvc, errors);
    ObjectNode now = Serialization.json().valueToTree(pvc.getSpec());
    ObjectNode before = Serialization.json().valueToTree(old.getSpec());
    if (now == null || before == null) {
      return;
    }
    for (ObjectNode spec : List.of(now, before)) {
      spec.remove("volumeAttributesClassName");
      if (spec.path("resources").isObject()) {
        ((ObjectNode) spec.get("resources")).remove("requests");
      }
    }
    // Binding fills in a volume name once.
    if (before.path("volumeName").asText("").isEmpty()) {
      now.remove("volumeName");
      before.remove("volumeName");
    }
    if (!now.equals(before)) {
      errors.forbidden("spec", IMMUTABLE);
    }
  }
}
