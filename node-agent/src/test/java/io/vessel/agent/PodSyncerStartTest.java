package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.PodSandboxState;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodSyncerStartTest extends PodSyncerTestBase {

  @Test
  @DisplayName("sync, new pod, runs a labelled sandbox and starts every container: Running with the pod IP")
  void startsSandboxAndContainers() {
    // Given
    var pod = TestPods.pod("web", TestPods.container("main"), TestPods.container("side"));

    // When
    var result = syncer.syncPod(pod);

    // Then
    var sandboxes = cri.listPodSandbox();
    assertThat(sandboxes).hasSize(1);
    var sandbox = sandboxes.get(0);
    assertThat(sandbox.getState()).isEqualTo(PodSandboxState.SANDBOX_READY);
    assertThat(sandbox.getLabelsMap())
        .containsEntry(PodLabels.POD_NAME, "web")
        .containsEntry(PodLabels.POD_NAMESPACE, "default")
        .containsEntry(PodLabels.POD_UID, pod.getMetadata().getUid());
    var sandboxStatus = cri.podSandboxStatus(sandbox.getId());
    assertThat(sandboxStatus.getMetadata().getName()).isEqualTo("web");
    assertThat(containers(pod))
        .extracting(c -> c.getMetadata().getName(), c -> c.getState())
        .containsExactlyInAnyOrder(
            tuple("main", ContainerState.CONTAINER_RUNNING),
            tuple("side", ContainerState.CONTAINER_RUNNING));

    var status = result.status();
    assertThat(result.requeueAfter()).isNull();
    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(status.getPodIP()).isEqualTo(sandboxStatus.getNetwork().getIp()).startsWith("10.88.");
    assertThat(status.getPodIPs()).extracting(ip -> ip.getIp()).containsExactly(status.getPodIP());
    assertThat(status.getHostIP()).isEqualTo("10.0.0.1");
    assertThat(status.getStartTime()).isNotNull();
    assertThat(status.getQosClass()).isEqualTo("BestEffort");
    assertThat(condition(status, "PodScheduled")).isEqualTo("True");
    assertThat(condition(status, "Initialized")).isEqualTo("True");
    assertThat(condition(status, "ContainersReady")).isEqualTo("True");
    assertThat(condition(status, "Ready")).isEqualTo("True");
    var main = status(status, "main");
    assertThat(main.getReady()).isTrue();
    assertThat(main.getRestartCount()).isZero();
    assertThat(main.getImage()).isEqualTo(TestPods.BUSYBOX);
    assertThat(main.getImageID()).contains("@sha256:");
    assertThat(main.getContainerID()).isEqualTo("vessel-fake://" + runningId(pod, "main"));
    assertThat(main.getState().getRunning().getStartedAt()).isNotNull();
  }

  @Test
  @DisplayName("sync, pod already running, changes nothing and builds an equal status")
  void secondSyncIsStable() {
    // Given
    var pod = sync(TestPods.pod("web", TestPods.container("main")));
    int creates = runtime.calls("CreateContainer");

    // When
    var again = syncer.syncPod(pod);

    // Then
    assertThat(runtime.calls("CreateContainer")).isEqualTo(creates);
    assertThat(runtime.calls("RunPodSandbox")).isEqualTo(1);
    assertThat(again.status()).isEqualTo(pod.getStatus());
  }

  @Test
  @DisplayName("sync, init containers, run one at a time in order before the containers")
  void initContainersInOrder() {
    // Given
    var pod =
        TestPods.pod(
            "init", "Always",
            List.of(TestPods.container("first"), TestPods.container("second")),
            TestPods.container("main"));

    // When the first pass runs
    pod = sync(pod);

    // Then only the first init container runs
    assertThat(containers(pod)).extracting(c -> c.getMetadata().getName()).containsExactly("first");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(condition(pod.getStatus(), "Initialized")).isEqualTo("False");
    assertThat(initStatus(pod.getStatus(), "first").getState().getRunning()).isNotNull();
    assertThat(initStatus(pod.getStatus(), "second").getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(status(pod.getStatus(), "main").getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");

    // When the first completes
    runtime.exitContainer(runningId(pod, "first"), 0);
    pod = sync(pod);

    // Then the second runs, not yet main
    assertThat(containers(pod)).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("first", "second");
    assertThat(initStatus(pod.getStatus(), "first").getState().getTerminated().getReason())
        .isEqualTo("Completed");

    // When the second completes
    runtime.exitContainer(runningId(pod, "second"), 0);
    pod = sync(pod);

    // Then main runs and the pod is initialized
    assertThat(runningId(pod, "main")).isNotEmpty();
    assertThat(condition(pod.getStatus(), "Initialized")).isEqualTo("True");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  @DisplayName("sync, failed init container with restartPolicy Never, fails the pod without starting containers")
  void failedInitFailsNeverPod() {
    // Given
    var pod = sync(TestPods.pod("init", "Never", List.of(TestPods.container("setup")),
        TestPods.container("main")));

    // When
    runtime.exitContainer(runningId(pod, "setup"), 2);
    pod = sync(pod);

    // Then
    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(containers(pod)).extracting(c -> c.getMetadata().getName()).containsExactly("setup");
  }

  @Test
  @DisplayName("terminate, running pod, stops and removes containers and sandbox and its log dir")
  void terminateRemovesEverything() throws Exception {
    // Given
    var pod = sync(TestPods.pod("web", TestPods.container("main")));
    var logDir = root.resolve("pods").resolve("default_web_" + pod.getMetadata().getUid());
    Files.createDirectories(logDir.resolve("main"));
    Files.writeString(logDir.resolve("main/0.log"), "x");

    // When
    syncer.terminatePod(pod.getMetadata().getUid(), 5);

    // Then
    assertThat(cri.listPodSandbox()).isEmpty();
    assertThat(cri.listContainers()).isEmpty();
    assertThat(logDir).doesNotExist();
    assertThat(runtime.calls("StopContainer")).isGreaterThanOrEqualTo(1);
  }

  @Test
  @DisplayName("sync, env from a ConfigMap that is not there yet: CreateContainerConfigError, then it starts once the ConfigMap exists")
  void waitsForItsConfigMap() {
    // Given
    var c = new io.fabric8.kubernetes.api.model.ContainerBuilder(TestPods.container("main"))
        .withEnv(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("MODE").withNewValueFrom()
            .withNewConfigMapKeyRef().withName("settings").withKey("mode").endConfigMapKeyRef().endValueFrom().build())
        .build();
    var pod = TestPods.pod("web", c);

    // When
    var first = syncer.syncPod(pod);

    // Then
    var waiting = status(first.status(), "main").getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("CreateContainerConfigError");
    assertThat(waiting.getMessage()).isEqualTo("configmap \"settings\" not found");
    assertThat(containers(pod)).isEmpty();
    assertThat(first.requeueAfter()).isNotNull();

    // When the ConfigMap appears
    objects.configMap("default", "settings", java.util.Map.of("mode", "fast"));
    var second = syncer.syncPod(TestPods.withStatus(pod, first.status()));

    // Then
    assertThat(status(second.status(), "main").getState().getRunning()).isNotNull();
    assertThat(containers(pod)).hasSize(1);
  }
}
