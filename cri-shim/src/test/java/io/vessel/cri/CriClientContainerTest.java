package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ContainerStateValue;
import io.vessel.cri.v1.ContainerStatsFilter;
import io.vessel.cri.v1.LinuxContainerResources;
import io.vessel.cri.v1.PodSandboxConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CriClientContainerTest extends FakeRuntimeTestBase {

  private final PodSandboxConfig pod = sandboxConfig("web", 0);
  private String sandboxId;

  @BeforeEach
  void runSandbox() {
    runtime.addImage(BUSYBOX);
    sandboxId = cri.runPodSandbox(pod, "");
  }

  private String running(String name) {
    String id = cri.createContainer(sandboxId, containerConfig(name, BUSYBOX, 0), pod);
    cri.startContainer(id);
    return id;
  }

  @Test
  @DisplayName("lifecycle, create start exit remove, states as containerd reports them")
  void lifecycle() {
    // created
    String id = cri.createContainer(sandboxId, containerConfig("app", BUSYBOX, 0), pod);
    var created = cri.containerStatus(id);
    assertThat(created.getState()).isEqualTo(ContainerState.CONTAINER_CREATED);
    assertThat(created.getStartedAt()).isZero();
    assertThat(created.getLogPath()).isEqualTo("/var/log/pods/default_web_uid-web/app/0.log");
    assertThat(created.getImage().getImage()).isEqualTo(BUSYBOX);
    assertThat(created.getImageRef()).startsWith("docker.io/library/busybox@sha256:");

    // running
    cri.startContainer(id);
    var running = cri.containerStatus(id);
    assertThat(running.getState()).isEqualTo(ContainerState.CONTAINER_RUNNING);
    assertThat(running.getStartedAt()).isGreaterThanOrEqualTo(running.getCreatedAt());

    // the process ends by itself
    runtime.exitContainer(id, 3);
    var exited = cri.containerStatus(id);
    assertThat(exited.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(exited.getExitCode()).isEqualTo(3);
    assertThat(exited.getReason()).isEqualTo("Error");
    assertThat(exited.getFinishedAt()).isGreaterThanOrEqualTo(exited.getStartedAt());

    // removed, and removing again is fine
    cri.removeContainer(id);
    assertThatThrownBy(() -> cri.containerStatus(id)).matches(CriException::isNotFound);
    assertThatNoException().isThrownBy(() -> cri.removeContainer(id));
  }

  @Test
  @DisplayName("exit, code 0, reason Completed")
  void completed() {
    String id = running("job");

    runtime.exitContainer(id, 0);

    assertThat(cri.containerStatus(id).getReason()).isEqualTo("Completed");
  }

  @Test
  @DisplayName("stopContainer, running with a grace period, EXITED after SIGTERM; again, no-op")
  void stop() {
    String id = running("app");

    cri.stopContainer(id, 30);
    cri.stopContainer(id, 30);

    var status = cri.containerStatus(id);
    assertThat(status.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(status.getExitCode()).isEqualTo(143);
  }

  @Test
  @DisplayName("removeContainer, running, killed and removed as containerd does")
  void removeRunning() {
    String id = running("app");

    cri.removeContainer(id);

    assertThat(cri.listContainers()).isEmpty();
  }

  @Test
  @DisplayName("startContainer, already running, UNKNOWN with containerd's message")
  void startTwice() {
    String id = running("app");

    assertThatThrownBy(() -> cri.startContainer(id))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.UNKNOWN))
        .hasMessageContaining("container is in CONTAINER_RUNNING state");
  }

  @Test
  @DisplayName("startContainer, command fails to start, EXITED 128 StartError")
  void startError() {
    String id = cri.createContainer(sandboxId, containerConfig("app", BUSYBOX, 0), pod);
    runtime.failNextStart("exec: \"/nonexistent\": stat /nonexistent: no such file or directory");

    assertThatThrownBy(() -> cri.startContainer(id)).hasMessageContaining("/nonexistent");

    var status = cri.containerStatus(id);
    assertThat(status.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(status.getExitCode()).isEqualTo(128);
    assertThat(status.getReason()).isEqualTo("StartError");
    assertThat(status.getMessage()).contains("/nonexistent");
  }

  @Test
  @DisplayName("startContainer, sandbox stopped meanwhile, EXITED 128 StartError")
  void startInStoppedSandbox() {
    String id = cri.createContainer(sandboxId, containerConfig("app", BUSYBOX, 0), pod);
    cri.stopPodSandbox(sandboxId);

    assertThatThrownBy(() -> cri.startContainer(id)).hasMessageContaining("is not running");

    assertThat(cri.containerStatus(id).getReason()).isEqualTo("StartError");
  }

  @Test
  @DisplayName("createContainer, image not present, NOT_FOUND")
  void missingImage() {
    var config = containerConfig("app", "nginx:1.25", 0);

    assertThatThrownBy(() -> cri.createContainer(sandboxId, config, pod))
        .matches(CriException::isNotFound)
        .hasMessageContaining("failed to resolve image \"nginx:1.25\"");
  }

  @Test
  @DisplayName("createContainer, unknown sandbox, NOT_FOUND")
  void unknownSandbox() {
    var config = containerConfig("app", BUSYBOX, 0);

    assertThatThrownBy(() -> cri.createContainer("nope", config, pod))
        .matches(CriException::isNotFound);
  }

  @Test
  @DisplayName("createContainer, restart with the same attempt refused, with attempt+1 works")
  void restartAttempt() {
    String first = running("app");
    runtime.exitContainer(first, 1);

    assertThatThrownBy(
            () -> cri.createContainer(sandboxId, containerConfig("app", BUSYBOX, 0), pod))
        .hasMessageContaining("is reserved for \"" + first + "\"");
    String second = cri.createContainer(sandboxId, containerConfig("app", BUSYBOX, 1), pod);
    assertThat(cri.containerStatus(second).getMetadata().getAttempt()).isEqualTo(1);
  }

  @Test
  @DisplayName("listContainers, filters by sandbox, state and labels")
  void listFilters() {
    String running = running("app");
    String created = cri.createContainer(sandboxId, containerConfig("sidecar", BUSYBOX, 0), pod);
    var other = sandboxConfig("db", 0);
    String otherSandbox = cri.runPodSandbox(other, "");
    String elsewhere = cri.createContainer(otherSandbox, containerConfig("app", BUSYBOX, 0), other);

    var inSandbox = ContainerFilter.newBuilder().setPodSandboxId(sandboxId).build();
    var runningOnly =
        ContainerFilter.newBuilder()
            .setState(ContainerStateValue.newBuilder().setState(ContainerState.CONTAINER_RUNNING))
            .build();
    var byLabel =
        ContainerFilter.newBuilder()
            .putLabelSelector("io.kubernetes.container.name", "app")
            .build();

    assertThat(cri.listContainers(inSandbox))
        .extracting(Container::getId)
        .containsExactly(running, created);
    assertThat(cri.listContainers(runningOnly))
        .extracting(Container::getId)
        .containsExactly(running);
    assertThat(cri.listContainers(byLabel))
        .extracting(Container::getId)
        .containsExactly(running, elsewhere);
  }

  @Test
  @DisplayName("updateContainerResources, new limits, visible in the status")
  void updateResources() {
    String id = running("app");
    var limits =
        LinuxContainerResources.newBuilder()
            .setMemoryLimitInBytes(64 << 20)
            .setCpuQuota(50_000)
            .build();

    cri.updateContainerResources(id, limits);

    assertThat(cri.containerStatus(id).getResources().getLinux()).isEqualTo(limits);
  }

  @Test
  @DisplayName("reopenContainerLog, running works, exited fails as in containerd")
  void reopenLog() {
    String id = running("app");
    cri.reopenContainerLog(id);
    runtime.exitContainer(id, 0);

    assertThatThrownBy(() -> cri.reopenContainerLog(id))
        .hasMessageContaining("container is not running");
  }

  @Test
  @DisplayName("containerStats, running container, attributes and usage timestamps")
  void stats() {
    String id = running("app");

    var stats = cri.containerStats(id);

    assertThat(stats.getAttributes().getId()).isEqualTo(id);
    assertThat(stats.getCpu().getTimestamp()).isPositive();
    assertThat(cri.listContainerStats(ContainerStatsFilter.getDefaultInstance())).hasSize(1);
  }
}
