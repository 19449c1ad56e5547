package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.PodSandbox;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.cri.v1.PodSandboxStateValue;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CriClientSandboxTest extends FakeRuntimeTestBase {

  @Test
  @DisplayName("runPodSandbox, new pod, READY with an IP and the pod's metadata")
  void run() {
    var config = sandboxConfig("web", 0);

    String id = cri.runPodSandbox(config, "");

    var status = cri.podSandboxStatus(id);
    assertThat(status.getId()).isEqualTo(id);
    assertThat(status.getState()).isEqualTo(PodSandboxState.SANDBOX_READY);
    assertThat(status.getMetadata()).isEqualTo(config.getMetadata());
    assertThat(status.getNetwork().getIp()).startsWith("10.88.0.");
    assertThat(status.getLabelsMap()).containsEntry("io.kubernetes.pod.name", "web");
    assertThat(status.getCreatedAt()).isPositive();
  }

  @Test
  @DisplayName(
      "stopPodSandbox, running container, sandbox NOTREADY without IP and container killed")
  void stop() {
    var config = sandboxConfig("web", 0);
    String containerId = runningContainer(config, "app");
    String sandboxId = cri.listPodSandbox().get(0).getId();

    cri.stopPodSandbox(sandboxId);

    var status = cri.podSandboxStatus(sandboxId);
    assertThat(status.getState()).isEqualTo(PodSandboxState.SANDBOX_NOTREADY);
    assertThat(status.getNetwork().getIp()).isEmpty();
    var container = cri.containerStatus(containerId);
    assertThat(container.getState()).isEqualTo(ContainerState.CONTAINER_EXITED);
    assertThat(container.getExitCode()).isEqualTo(137);
  }

  @Test
  @DisplayName("stopPodSandbox, twice, second call succeeds too")
  void stopTwice() {
    String id = cri.runPodSandbox(sandboxConfig("web", 0), "");
    cri.stopPodSandbox(id);

    assertThatNoException().isThrownBy(() -> cri.stopPodSandbox(id));
  }

  @Test
  @DisplayName("stopPodSandbox, unknown id, NOT_FOUND")
  void stopUnknown() {
    assertThatThrownBy(() -> cri.stopPodSandbox("nope"))
        .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  @DisplayName("removePodSandbox, ready sandbox with containers, all gone; again, still succeeds")
  void remove() {
    var config = sandboxConfig("web", 0);
    String containerId = runningContainer(config, "app");
    String sandboxId = cri.listPodSandbox().get(0).getId();

    cri.removePodSandbox(sandboxId);

    assertThat(cri.listPodSandbox()).isEmpty();
    assertThat(cri.listContainers()).isEmpty();
    assertThatThrownBy(() -> cri.podSandboxStatus(sandboxId)).matches(CriException::isNotFound);
    assertThatThrownBy(() -> cri.containerStatus(containerId)).matches(CriException::isNotFound);
    assertThatNoException().isThrownBy(() -> cri.removePodSandbox(sandboxId));
  }

  @Test
  @DisplayName(
      "runPodSandbox, same name and attempt as a live sandbox, refused; next attempt works")
  void nameReserved() {
    cri.runPodSandbox(sandboxConfig("web", 0), "");

    assertThatThrownBy(() -> cri.runPodSandbox(sandboxConfig("web", 0), ""))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.UNKNOWN))
        .hasMessageContaining("failed to reserve sandbox name \"web_default_uid-web_0\"");
    assertThat(cri.runPodSandbox(sandboxConfig("web", 1), "")).isNotEmpty();
  }

  @Test
  @DisplayName("runPodSandbox, name of a removed sandbox, reusable")
  void nameReleased() {
    String first = cri.runPodSandbox(sandboxConfig("web", 0), "");
    cri.removePodSandbox(first);

    assertThat(cri.runPodSandbox(sandboxConfig("web", 0), "")).isNotEqualTo(first);
  }

  @Test
  @DisplayName("listPodSandbox, filters by id, state and labels")
  void listFilters() {
    String web = cri.runPodSandbox(sandboxConfig("web", 0), "");
    String db = cri.runPodSandbox(sandboxConfig("db", 0), "");
    cri.stopPodSandbox(db);

    var ready =
        PodSandboxFilter.newBuilder()
            .setState(PodSandboxStateValue.newBuilder().setState(PodSandboxState.SANDBOX_READY))
            .build();
    var byLabel =
        PodSandboxFilter.newBuilder().putLabelSelector("io.kubernetes.pod.name", "db").build();
    var byId = PodSandboxFilter.newBuilder().setId(web).build();

    assertThat(cri.listPodSandbox()).extracting(PodSandbox::getId).containsExactly(web, db);
    assertThat(cri.listPodSandbox(ready)).extracting(PodSandbox::getId).containsExactly(web);
    assertThat(cri.listPodSandbox(byLabel)).extracting(PodSandbox::getId).containsExactly(db);
    assertThat(cri.listPodSandbox(byId)).extracting(PodSandbox::getId).containsExactly(web);
  }

  @Test
  @DisplayName("portForward, ready sandbox, a streaming URL")
  void portForward() {
    String id = cri.runPodSandbox(sandboxConfig("web", 0), "");

    assertThat(cri.portForward(id, List.of(8080)))
        .matches("http://127\\.0\\.0\\.1:\\d+/portforward/\\w+");
  }
}
