package io.vessel.cri.fake;

import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerAttributes;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerResources;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ContainerStats;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.CpuUsage;
import io.vessel.cri.v1.LinuxContainerResources;
import io.vessel.cri.v1.MemoryUsage;
import io.vessel.cri.v1.UInt64Value;

/** One container's state in {@link FakePods}, which owns it and holds its lock around every use. */
final class FakeContainer {
  final String id;
  final String name;
  final String sandboxId;
  final ContainerConfig config;
  final String imageId;
  final String logPath;
  final long createdAt;
  ContainerState state = ContainerState.CONTAINER_CREATED;
  long startedAt;
  long finishedAt;
  int exitCode;
  String reason = "";
  String message = "";
  LinuxContainerResources resources;

  FakeContainer(
      String id,
      String name,
      String sandboxId,
      ContainerConfig config,
      String imageId,
      String logPath,
      long createdAt) {
    this.id = id;
    this.name = name;
    this.sandboxId = sandboxId;
    this.config = config;
    this.imageId = imageId;
    this.logPath = logPath;
    this.createdAt = createdAt;
    this.resources = config.getLinux().getResources();
  }

  /** A null reason is containerd's default: Completed for exit code 0, Error otherwise. */
  void exit(int code, String reason, String message) {
    this.state = ContainerState.CONTAINER_EXITED;
    this.exitCode = code;
    this.finishedAt = FakeClock.nowNanos();
    this.reason = reason != null ? reason : code == 0 ? "Completed" : "Error";
    this.message = message;
  }

  /**
   * containerd reports the image by its first tag and first digest when it still has the image, and
   * falls back to what the container was created with.
   */
  ContainerStatus status(FakeImageService images) {
    var image = config.getImage();
    var imageRef = imageId;
    var known = images.resolve(imageId);
    if (known.isPresent() && known.get().getRepoTagsCount() > 0) {
      image = image.toBuilder().setImage(known.get().getRepoTags(0)).build();
    }
    if (known.isPresent() && known.get().getRepoDigestsCount() > 0) {
      imageRef = known.get().getRepoDigests(0);
    }
    return ContainerStatus.newBuilder()
        .setId(id)
        .setMetadata(config.getMetadata())
        .setState(state)
        .setCreatedAt(createdAt)
        .setStartedAt(startedAt)
        .setFinishedAt(finishedAt)
        .setExitCode(exitCode)
        .setImage(image)
        .setImageRef(imageRef)
        .setReason(reason)
        .setMessage(message)
        .putAllLabels(config.getLabelsMap())
        .putAllAnnotations(config.getAnnotationsMap())
        .addAllMounts(config.getMountsList())
        .setLogPath(logPath)
        .setResources(ContainerResources.newBuilder().setLinux(resources))
        .build();
  }

  Container summary() {
    return Container.newBuilder()
        .setId(id)
        .setPodSandboxId(sandboxId)
        .setMetadata(config.getMetadata())
        .setImage(config.getImage())
        .setImageRef(imageId)
        .setState(state)
        .setCreatedAt(createdAt)
        .putAllLabels(config.getLabelsMap())
        .putAllAnnotations(config.getAnnotationsMap())
        .build();
  }

  ContainerStats stats() {
    long at = FakeClock.nowNanos();
    var zero = UInt64Value.newBuilder().setValue(0);
    return ContainerStats.newBuilder()
        .setAttributes(
            ContainerAttributes.newBuilder()
                .setId(id)
                .setMetadata(config.getMetadata())
                .putAllLabels(config.getLabelsMap())
                .putAllAnnotations(config.getAnnotationsMap()))
        .setCpu(CpuUsage.newBuilder().setTimestamp(at).setUsageCoreNanoSeconds(zero))
        .setMemory(MemoryUsage.newBuilder().setTimestamp(at).setWorkingSetBytes(zero))
        .build();
  }
}
