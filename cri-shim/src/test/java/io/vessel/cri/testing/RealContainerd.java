package io.vessel.cri.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vessel.cri.CriEndpoint;

/**
 * Decides whether a test against the machine's real containerd runs. Where containerd is not
 * serving, such tests are skipped, unless {@code VESSEL_REQUIRE_CONTAINERD=1} says this machine
 * set it up on purpose ({@code .ci/run} does after {@code node-agent/containerd/setup.sh}
 * succeeds): then a dead runtime is a failure, not a silent skip.
 */
public final class RealContainerd {
  public static final CriEndpoint ENDPOINT = CriEndpoint.CONTAINERD;

  private RealContainerd() {}

  /** Skips (or, when required, fails) the calling test unless containerd answers on its socket. */
  public static void assumeServing() {
    boolean serving = ENDPOINT.listening();
    String why = "containerd does not answer on " + ENDPOINT;
    if (required()) {
      assertTrue(serving, why + ", and VESSEL_REQUIRE_CONTAINERD=1");
    } else {
      assumeTrue(serving, why);
    }
  }

  static boolean required() {
    return "1".equals(System.getenv("VESSEL_REQUIRE_CONTAINERD"));
  }
}
