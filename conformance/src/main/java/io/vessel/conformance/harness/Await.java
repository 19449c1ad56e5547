package io.vessel.conformance.harness;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

/**
 * Awaitility with the suite's defaults. Never sleep in a test: wait for what a user would see.
 *
 * <p>Failures name the expectation, and the last assertion error shows what was seen instead (give
 * assertions an {@code as(...)} that prints the observed output).
 */
public final class Await {

  /** Long enough for a loaded two-core CI machine; a healthy cluster needs far less. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(200);

  private Await() {}

  /** A condition factory named {@code expectation}, with the default timeout and poll interval. */
  public static ConditionFactory await(String expectation) {
    return Awaitility.await(expectation)
        .atMost(TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL);
  }

  /** Retries {@code assertion} until it passes or the timeout expires with its last failure. */
  public static void untilAsserted(String expectation, ThrowingRunnable assertion) {
    await(expectation).untilAsserted(assertion);
  }
}
