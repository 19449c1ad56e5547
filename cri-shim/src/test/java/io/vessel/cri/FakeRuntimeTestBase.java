package io.vessel.cri;

import io.vessel.cri.fake.FakeRuntime;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerMetadata;
import io.vessel.cri.v1.ImageSpec;
import io.vessel.cri.v1.PodSandboxConfig;
import io.vessel.cri.v1.PodSandboxMetadata;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake runtime and a client connected to it over its unix socket, for every test. */
abstract class FakeRuntimeTestBase {

  static final String BUSYBOX = "docker.io/library/busybox:1.36";

  FakeRuntime runtime;
  CriClient cri;

  @BeforeEach
  void startRuntime() {
    runtime = FakeRuntime.start();
    cri =
        CriClient.builder()
            .endpoint(runtime.endpoint())
            .callTimeout(Duration.ofSeconds(10))
            .connect();
  }

  @AfterEach
  void stopRuntime() {
    cri.close();
    runtime.close();
  }

  static PodSandboxConfig sandboxConfig(String name, int attempt) {
    return PodSandboxConfig.newBuilder()
        .setMetadata(
            PodSandboxMetadata.newBuilder()
                .setName(name)
                .setNamespace("default")
                .setUid("uid-" + name)
                .setAttempt(attempt))
        .setHostname(name)
        .setLogDirectory("/var/log/pods/default_" + name + "_uid-" + name)
        .putLabels("io.kubernetes.pod.name", name)
        .build();
  }

  static ContainerConfig containerConfig(String name, String image, int attempt) {
    return ContainerConfig.newBuilder()
        .setMetadata(ContainerMetadata.newBuilder().setName(name).setAttempt(attempt))
        .setImage(ImageSpec.newBuilder().setImage(image))
        .addCommand("sh")
        .setLogPath(name + "/" + attempt + ".log")
        .putLabels("io.kubernetes.container.name", name)
        .build();
  }

  /** A READY sandbox with one RUNNING busybox container; returns the container id. */
  String runningContainer(PodSandboxConfig sandbox, String name) {
    runtime.addImage(BUSYBOX);
    String sandboxId = cri.runPodSandbox(sandbox, "");
    String id = cri.createContainer(sandboxId, containerConfig(name, BUSYBOX, 0), sandbox);
    cri.startContainer(id);
    return id;
  }
}
