package io.vessel.agent.probe;

import static io.vessel.agent.probe.ProbeResult.Outcome.FAILURE;
import static io.vessel.agent.probe.ProbeResult.Outcome.SUCCESS;
import static io.vessel.agent.probe.ProbeResult.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbeCounterTest {

  @Test
  @DisplayName("readiness: not ready until successThreshold successes in a row")
  void successThreshold() {
    var counter = new ProbeCounter(2, 3, ProbeType.READINESS.initiallySuccessful());

    assertThat(counter.result()).isFalse();
    assertThat(counter.observe(SUCCESS)).isFalse();
    assertThat(counter.observe(FAILURE)).isFalse();
    assertThat(counter.observe(SUCCESS)).isFalse();
    assertThat(counter.observe(SUCCESS)).isTrue();
  }

  @Test
  @DisplayName("liveness: live until failureThreshold failures in a row, then failed out")
  void failureThreshold() {
    var counter = new ProbeCounter(1, 3, ProbeType.LIVENESS.initiallySuccessful());

    assertThat(counter.observe(FAILURE)).isTrue();
    assertThat(counter.observe(FAILURE)).isTrue();
    assertThat(counter.observe(SUCCESS)).isTrue();
    assertThat(counter.observe(FAILURE)).isTrue();
    assertThat(counter.observe(FAILURE)).isTrue();
    assertThat(counter.failedOut()).isFalse();
    assertThat(counter.observe(FAILURE)).isFalse();
    assertThat(counter.failedOut()).isTrue();
  }

  @Test
  @DisplayName("unknown runs neither count nor break a run")
  void unknownIgnored() {
    var counter = new ProbeCounter(1, 2, true);

    counter.observe(FAILURE);
    counter.observe(UNKNOWN);
    assertThat(counter.observe(FAILURE)).isFalse();
  }

  @Test
  @DisplayName("startup: the initial not-started is no failure decision; reset starts over")
  void startupInitialIsNotAKill() {
    var counter = new ProbeCounter(1, 2, ProbeType.STARTUP.initiallySuccessful());

    assertThat(counter.observe(FAILURE)).isFalse();
    assertThat(counter.failedOut()).isFalse();
    counter.observe(FAILURE);
    assertThat(counter.failedOut()).isTrue();

    counter.reset(false);
    assertThat(counter.failedOut()).isFalse();
    assertThat(counter.observe(SUCCESS)).isTrue();
  }
}
