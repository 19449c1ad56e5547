package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodSyncerImageTest extends PodSyncerTestBase {

  @Test
  @DisplayName("sync, IfNotPresent and Always with a present image, never pull")
  void presentImageIsNotPulled() {
    var ifNotPresent = TestPods.container("a");
    var always = new ContainerBuilder(TestPods.container("b")).withImagePullPolicy("Always").build();

    var pod = sync(TestPods.pod("web", ifNotPresent, always));

    assertThat(runtime.calls("PullImage")).isZero();
    assertThat(runtime.calls("ImageStatus")).isGreaterThanOrEqualTo(2);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  @DisplayName("sync, missing image that cannot be pulled, ErrImagePull then ImagePullBackOff")
  void pullFailure() {
    var c = new ContainerBuilder(TestPods.container("main")).withImage("nginx:1.27").build();
    runtime.failNextPull();

    var pod = sync(TestPods.pod("web", c));

    var waiting = status(pod.getStatus(), "main").getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("ErrImagePull");
    assertThat(waiting.getMessage()).contains("nginx:1.27").contains("no such host");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");

    runtime.failNextPull();
    pod = sync(pod);

    assertThat(status(pod.getStatus(), "main").getState().getWaiting().getReason())
        .isEqualTo("ImagePullBackOff");
    assertThat(runtime.calls("PullImage")).isEqualTo(1);
    assertThat(containers(pod)).isEmpty();
  }

  @Test
  @DisplayName("sync, missing image that pulls, pulls once and starts")
  void missingImageIsPulled() {
    var c = new ContainerBuilder(TestPods.container("main")).withImage("nginx:1.27").build();

    var pod = sync(TestPods.pod("web", c));

    assertThat(runtime.calls("PullImage")).isEqualTo(1);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  @DisplayName("sync, missing image with policy Never, ErrImageNeverPull and no pull")
  void neverPull() {
    var c = new ContainerBuilder(TestPods.container("main"))
        .withImage("nginx:1.27").withImagePullPolicy("Never").build();

    var pod = sync(TestPods.pod("web", c));

    assertThat(status(pod.getStatus(), "main").getState().getWaiting().getReason())
        .isEqualTo("ErrImageNeverPull");
    assertThat(runtime.calls("PullImage")).isZero();
  }
}
