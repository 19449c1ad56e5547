package io.vessel.server.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cells PV and PVC tables share: access modes abbreviated, the storage class resolved. */
public final class VolumeCells {
  /** The deprecated annotation that still wins over spec.storageClassName. */
  public static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

  private VolumeCells() {}

  /** RWO, ROX, RWX, RWOP in that order, for the modes present. */
  public static String accessModes(List<String> modes) {
    if (modes == null) {
      return "";
    }
    List<String> out = new ArrayList<>();
    if (modes.contains("ReadWriteOnce")) {
      out.add("RWO");
    }
    if (modes.contains("ReadOnlyMany")) {
      out.add("ROX");
    }
    if (modes.contains("ReadWriteMany")) {
      out.add("RWX");
    }
    if (modes.contains("ReadWriteOncePod")) {
      out.add("RWOP");
    }
    return String.join(",", out);
  }

  public static String storageClass(Map<String, String> annotations, String specClass) {
    if (annotations != null && annotations.containsKey(BETA_STORAGE_CLASS)) {
      return annotations.get(BETA_STORAGE_CLASS);
    }
    return specClass == null ? "" : specClass;
  }
}
