package io.vessel.server.registry.storage.storageclass;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * StorageClass rules: Delete and Immediate by default, a provisioner required, and provisioner,
 * parameters, reclaim policy and binding mode fixed after create.
 */
public final class StorageClassStrategy extends BasicStrategy<StorageClass> {
  private static final List<String> RECLAIM = List.of("Delete", "Retain");
  private static final List<String> BINDING = List.of("Immediate", "WaitForFirstConsumer");

  public StorageClassStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(StorageClass sc) {
    if (sc.getReclaimPolicy() == null) {
      sc.setReclaimPolicy("Delete");
    }
    if (sc.getVolumeBindingMode() == null) {
      sc.setVolumeBindingMode("Immediate");
    }
  }

  @Override
  public void validate(StorageClass sc, FieldErrors errors) {
    if (sc.getProvisioner() == null || sc.getProvisioner().isEmpty()) {
      errors.required("provisioner", "");
    }
    if (!Enums.contains(RECLAIM, sc.getReclaimPolicy())) {
      errors.notSupported("reclaimPolicy", sc.getReclaimPolicy(), RECLAIM);
    }
    if (!Enums.contains(BINDING, sc.getVolumeBindingMode())) {
      errors.notSupported("volumeBindingMode", sc.getVolumeBindingMode(), BINDING);
    }
  }

  @Override
  public void validateUpdate(StorageClass sc, StorageClass old, FieldErrors errors) {
    validate(sc, errors);
    if (!Objects.equals(emptyAsNull(sc.getParameters()), emptyAsNull(old.getParameters()))) {
      errors.forbidden("parameters", "updates to parameters are forbidden.");
    }
    if (!Objects.equals(sc.getProvisioner(), old.getProvisioner())) {
      errors.forbidden("provisioner", "updates to provisioner are forbidden.");
    }
    if (!Objects.equals(sc.getReclaimPolicy(), old.getReclaimPolicy())) {
      errors.forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden.");
    }
    if (!Objects.equals(sc.getVolumeBindingMode(), old.getVolumeBindingMode())) {
      errors.immutable("volumeBindingMode", sc.getVolumeBindingMode());
    }
  }

  private static Object emptyAsNull(Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
