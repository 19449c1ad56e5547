package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ContainerStates#of} on the fake runtime: the end of a followed log. */
class ContainerStatesTest extends PodSyncerTestBase {

  @Test
  @DisplayName("mayWrite, running attempt, is true; once it exited, false; another attempt, false")
  void followsTheRuntime() {
    // Given
    var pod = sync(TestPods.pod("web", TestPods.container("main")));
    String uid = pod.getMetadata().getUid();
    var states = ContainerStates.of(cri);

    // Then
    assertThat(states.mayWrite(uid, "main", 0)).isTrue();
    assertThat(states.mayWrite(uid, "main", 1)).isFalse();
    assertThat(states.mayWrite(uid, "side", 0)).isFalse();

    // When it exits
    runtime.exitContainer(runningId(pod, "main"), 0);

    // Then
    assertThat(states.mayWrite(uid, "main", 0)).isFalse();
  }

  @Test
  @DisplayName("mayWrite, runtime failing, is true: a follower asks again rather than stop early")
  void runtimeDown() {
    // Given an exited container, which a working runtime would report as such
    var pod = sync(TestPods.pod("web", TestPods.container("main")));
    runtime.exitContainer(runningId(pod, "main"), 0);
    runtime.failNext("ListContainers", Status.UNAVAILABLE);

    // Then
    assertThat(ContainerStates.of(cri).mayWrite(pod.getMetadata().getUid(), "main", 0)).isTrue();
  }
}
