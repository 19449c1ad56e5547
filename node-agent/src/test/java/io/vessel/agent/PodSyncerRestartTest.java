package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.cri.v1.PodSandboxState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodSyncerRestartTest extends PodSyncerTestBase {

  @Test
  @DisplayName("sync, crashing container with restartPolicy Always, restarts with attempt+1, then backs off 10 s doubling")
  void crashLoopBackOff() {
    // Given a running pod whose container crashes
    var pod = sync(TestPods.pod("crash", TestPods.container("main")));
    runtime.exitContainer(runningId(pod, "main"), 1);

    // When: the first restart is immediate
    pod = sync(pod);

    // Then
    var main = status(pod.getStatus(), "main");
    assertThat(main.getRestartCount()).isEqualTo(1);
    assertThat(main.getState().getRunning()).isNotNull();
    assertThat(main.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(main.getLastState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(cri.containerStatus(runningId(pod, "main")).getMetadata().getAttempt()).isEqualTo(1);

    // When it crashes again
    runtime.exitContainer(runningId(pod, "main"), 1);
    var result = syncer.syncPod(pod);
    pod = TestPods.withStatus(pod, result.status());

    // Then it waits in CrashLoopBackOff for 10 s
    main = status(pod.getStatus(), "main");
    assertThat(main.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(main.getState().getWaiting().getMessage())
        .startsWith("back-off 10s restarting failed container=main pod=crash_default(");
    assertThat(main.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(main.getRestartCount()).isEqualTo(1);
    // counted from the exit (the fake's real clock), so a little over 10 s of the test's clock
    assertThat(result.requeueAfter()).isPositive().isLessThan(Duration.ofSeconds(15));
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(condition(pod.getStatus(), "Ready")).isEqualTo("False");

    // When the back-off is over
    clock.advance(Duration.ofSeconds(15));
    pod = sync(pod);

    // Then attempt 2 runs, and the next crash waits 20 s
    assertThat(status(pod.getStatus(), "main").getRestartCount()).isEqualTo(2);
    runtime.exitContainer(runningId(pod, "main"), 1);
    pod = sync(pod);
    assertThat(status(pod.getStatus(), "main").getState().getWaiting().getMessage())
        .startsWith("back-off 20s ");
    // the attempt before the newest is kept for logs --previous, older ones are removed
    assertThat(containers(pod)).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  @DisplayName("sync, restartPolicy Never, exit 0 is Succeeded and nothing restarts")
  void neverSucceeded() {
    var pod = sync(TestPods.pod("job", "Never", List.of(), TestPods.container("main")));
    runtime.exitContainer(runningId(pod, "main"), 0);

    pod = sync(pod);

    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(containers(pod)).hasSize(1);
    assertThat(cri.listPodSandbox()).extracting(s -> s.getState())
        .containsExactly(PodSandboxState.SANDBOX_NOTREADY);
    var podIp = pod.getStatus().getPodIP();
    pod = sync(pod);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(pod.getStatus().getPodIP()).isEqualTo(podIp).isNotEmpty();
    var terminated = status(pod.getStatus(), "main").getState().getTerminated();
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getReason()).isEqualTo("Completed");
    assertThat(terminated.getFinishedAt()).isNotNull();
    assertThat(pod.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .extracting(c -> c.getReason())
        .containsExactly("PodCompleted");
  }

  @Test
  @DisplayName("sync, restartPolicy Never, a non-zero exit is Failed and stays so")
  void neverFailed() {
    var pod = sync(TestPods.pod("job", "Never", List.of(), TestPods.container("main")));
    runtime.exitContainer(runningId(pod, "main"), 3);

    pod = sync(pod);
    pod = sync(pod);

    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(status(pod.getStatus(), "main").getState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(containers(pod)).hasSize(1);
  }

  @Test
  @DisplayName("sync, restartPolicy OnFailure, restarts a failure but not a success")
  void onFailure() {
    var pod = sync(TestPods.pod("job", "OnFailure", List.of(), TestPods.container("main")));
    runtime.exitContainer(runningId(pod, "main"), 1);
    pod = sync(pod);
    assertThat(status(pod.getStatus(), "main").getRestartCount()).isEqualTo(1);

    runtime.exitContainer(runningId(pod, "main"), 0);
    pod = sync(pod);

    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(containers(pod)).hasSize(2);
  }

  @Test
  @DisplayName("sync, container fails to start, reports StartError and restarts by policy")
  void startError() {
    runtime.failNextStart("exec: \"/nonexistent\": stat /nonexistent: no such file or directory");

    var pod = sync(TestPods.pod("bad", TestPods.container("main")));

    var terminated = status(pod.getStatus(), "main").getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(128);
    assertThat(terminated.getReason()).isEqualTo("StartError");
  }
}
