package io.vessel.cri.fake;

import io.vessel.cri.v1.LinuxPodSandboxStatus;
import io.vessel.cri.v1.Namespace;
import io.vessel.cri.v1.PodSandbox;
import io.vessel.cri.v1.PodSandboxConfig;
import io.vessel.cri.v1.PodSandboxNetworkStatus;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.cri.v1.PodSandboxStatus;

/** One sandbox's state in {@link FakePods}, which owns it and holds its lock around every use. */
final class FakeSandbox {
  final String id;
  final String name;
  final PodSandboxConfig config;
  final String runtimeHandler;
  final long createdAt;
  PodSandboxState state = PodSandboxState.SANDBOX_READY;
  String ip;

  FakeSandbox(
      String id,
      String name,
      PodSandboxConfig config,
      String runtimeHandler,
      long createdAt,
      String ip) {
    this.id = id;
    this.name = name;
    this.config = config;
    this.runtimeHandler = runtimeHandler;
    this.createdAt = createdAt;
    this.ip = ip;
  }

  PodSandboxStatus status() {
    var namespaces = config.getLinux().getSecurityContext().getNamespaceOptions();
    return PodSandboxStatus.newBuilder()
        .setId(id)
        .setMetadata(config.getMetadata())
        .setState(state)
        .setCreatedAt(createdAt)
        .setNetwork(PodSandboxNetworkStatus.newBuilder().setIp(ip))
        .setLinux(
            LinuxPodSandboxStatus.newBuilder()
                .setNamespaces(Namespace.newBuilder().setOptions(namespaces)))
        .putAllLabels(config.getLabelsMap())
        .putAllAnnotations(config.getAnnotationsMap())
        .setRuntimeHandler(runtimeHandler)
        .build();
  }

  PodSandbox summary() {
    return PodSandbox.newBuilder()
        .setId(id)
        .setMetadata(config.getMetadata())
        .setState(state)
        .setCreatedAt(createdAt)
        .putAllLabels(config.getLabelsMap())
        .putAllAnnotations(config.getAnnotationsMap())
        .setRuntimeHandler(runtimeHandler)
        .build();
  }
}
