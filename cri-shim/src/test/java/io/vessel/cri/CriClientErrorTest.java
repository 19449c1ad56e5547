package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.vessel.cri.fake.FakeRuntime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How runtime and transport failures reach the caller. */
class CriClientErrorTest {

  private FakeRuntime runtime;
  private CriClient cri;

  @BeforeEach
  void start() {
    runtime = FakeRuntime.start();
    cri =
        CriClient.builder()
            .endpoint(runtime.endpoint())
            .callTimeout(Duration.ofMillis(300))
            .pullImageTimeout(Duration.ofMillis(600))
            .connect();
  }

  @AfterEach
  void stop() {
    cri.close();
    runtime.close();
  }

  @Test
  @DisplayName("containerStatus, unknown id, NOT_FOUND with the runtime's message")
  void notFound() {
    assertThatThrownBy(() -> cri.containerStatus("4f3c"))
        .isInstanceOfSatisfying(
            CriException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.rpc()).isEqualTo("ContainerStatus");
              assertThat(CriException.isNotFound(e)).isTrue();
            })
        .hasMessage(
            "CRI ContainerStatus: NOT_FOUND: an error occurred when try to find container"
                + " \"4f3c\": not found");
  }

  @Test
  @DisplayName("isNotFound, any other exception, false")
  void notFoundHelper() {
    assertThat(CriException.isNotFound(new IllegalStateException())).isFalse();
    assertThat(CriException.isNotFound(null)).isFalse();
  }

  @Test
  @DisplayName("hung call, deadline exceeded; once answered again, the same client works")
  void deadline() {
    runtime.hang("ListContainers");

    assertThatThrownBy(() -> cri.listContainers())
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.isDeadlineExceeded()).isTrue());

    runtime.release("ListContainers");
    assertThat(cri.listContainers()).isEmpty();
    assertThat(runtime.calls("ListContainers")).isEqualTo(2);
  }

  @Test
  @DisplayName("hung pull, fails at the pull deadline, not the shorter call deadline")
  void pullDeadline() {
    runtime.hang("PullImage");
    long started = System.nanoTime();

    assertThatThrownBy(() -> cri.pullImage("busybox"))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.isDeadlineExceeded()).isTrue());
    // a deadline never fires early, so this lower bound cannot flake
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  @DisplayName("hung stop, deadline is the grace period plus the call timeout")
  void stopDeadline() {
    runtime.hang("StopContainer");
    long started = System.nanoTime();

    assertThatThrownBy(() -> cri.stopContainer("any", 1))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.isDeadlineExceeded()).isTrue());
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1300));
  }

  @Test
  @DisplayName("runtime error code, passed through unchanged")
  void otherCodes() {
    runtime.failNext("ListPodSandbox", Status.RESOURCE_EXHAUSTED.withDescription("too many"));

    assertThatThrownBy(() -> cri.listPodSandbox())
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED))
        .hasMessage("CRI ListPodSandbox: RESOURCE_EXHAUSTED: too many");
  }

  @Test
  @DisplayName("runtime gone after connect, UNAVAILABLE")
  void runtimeGone() {
    runtime.close();

    assertThatThrownBy(() -> cri.listPodSandbox())
        .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isUnavailable()).isTrue());
  }

  @Test
  @DisplayName("client closed, calls fail UNAVAILABLE")
  void clientClosed() {
    cri.close();

    assertThatThrownBy(() -> cri.version())
        .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isUnavailable()).isTrue());
  }
}
