package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CriTimeoutsTest {

  private final CriTimeouts timeouts =
      new CriTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));

  @Test
  @DisplayName("forMethod, sandbox and pull have their own, everything else the call timeout")
  void perMethod() {
    assertThat(timeouts.forMethod("RunPodSandbox")).isEqualTo(Duration.ofSeconds(2));
    assertThat(timeouts.forMethod("PullImage")).isEqualTo(Duration.ofSeconds(3));
    assertThat(timeouts.forMethod("ContainerStatus")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("construct, zero or negative timeout, rejected")
  void positive() {
    assertThatThrownBy(
            () -> new CriTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call");
    assertThatThrownBy(
            () ->
                new CriTimeouts(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pullImage");
  }
}
