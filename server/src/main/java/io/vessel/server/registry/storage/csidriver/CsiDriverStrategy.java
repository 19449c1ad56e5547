package io.vessel.server.registry.storage.csidriver;

import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.CSIDriverSpec;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.ArrayList;
import java.util.List;

/**
 * CSIDriver rules: storage/v1 defaults (attach required, no pod info on mount, Persistent volumes,
 * no capacity tracking, ReadWriteOnceWithFSType, no republish, no SELinux mount).
 */
public final class CsiDriverStrategy extends BasicStrategy<CSIDriver> {

  public CsiDriverStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(CSIDriver driver) {
    CSIDriverSpec spec = driver.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getAttachRequired() == null) {
      spec.setAttachRequired(true);
    }
    if (spec.getPodInfoOnMount() == null) {
      spec.setPodInfoOnMount(false);
    }
    if (spec.getStorageCapacity() == null) {
      spec.setStorageCapacity(false);
    }
    if (spec.getFsGroupPolicy() == null) {
      spec.setFsGroupPolicy("ReadWriteOnceWithFSType");
    }
    if (spec.getVolumeLifecycleModes() == null || spec.getVolumeLifecycleModes().isEmpty()) {
      spec.setVolumeLifecycleModes(new ArrayList<>(List.of("Persistent")));
    }
    if (spec.getRequiresRepublish() == null) {
      spec.setRequiresRepublish(false);
    }
    if (spec.getSeLinuxMount() == null) {
      spec.setSeLinuxMount(false);
    }
  }
}
