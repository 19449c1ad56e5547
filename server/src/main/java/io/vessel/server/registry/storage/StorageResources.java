package io.vessel.server.registry.storage;

import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.storage.csidriver.CsiDriverStrategy;
import io.vessel.server.registry.storage.csidriver.CsiDriverTable;
import io.vessel.server.registry.storage.csinode.CsiNodeTable;
import io.vessel.server.registry.storage.storageclass.StorageClassStrategy;
import io.vessel.server.registry.storage.storageclass.StorageClassTable;
import io.vessel.server.registry.storage.volumeattachment.VolumeAttachmentTable;
import java.util.List;

/** The storage.k8s.io/v1 resources Vessel stores (CSI storage capacities: later). */
public final class StorageResources {
  static final String GROUP = "storage.k8s.io";

  private StorageResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder(GROUP, "v1", "csidrivers", "CSIDriver")
            .clusterScoped()
            .model(CSIDriver.class, new CsiDriverStrategy(), new CsiDriverTable())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "csinodes", "CSINode")
            .clusterScoped()
            .model(CSINode.class, BasicStrategy.plain(), new CsiNodeTable())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "storageclasses", "StorageClass")
            .clusterScoped()
            .shortNames("sc")
            .model(StorageClass.class, new StorageClassStrategy(), new StorageClassTable())
            .build(),
        ResourceDefinition.builder(GROUP, "v1", "volumeattachments", "VolumeAttachment")
            .clusterScoped()
            .status()
            .model(VolumeAttachment.class, BasicStrategy.withStatus(), new VolumeAttachmentTable())
            .build());
  }
}
