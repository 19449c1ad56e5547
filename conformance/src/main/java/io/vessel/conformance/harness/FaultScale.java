package io.vessel.conformance.harness;

import java.time.Duration;

/**
 * How hard the fault suites push: short in CI, long by hand with {@code -Dvessel.fault.long=true}
 * (what {@code ./vessel conformance --long} sets). Each suite picks its own pair of numbers; the
 * checks are the same in both modes, only the load, the duration and the counts grow.
 */
public final class FaultScale {

  /** The system property that selects the long mode. */
  public static final String PROPERTY = "vessel.fault.long";

  private FaultScale() {}

  /** Whether the long mode was asked for. */
  public static boolean isLong() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** {@code shortValue} in CI, {@code longValue} in the long mode. */
  public static int pick(int shortValue, int longValue) {
    return isLong() ? longValue : shortValue;
  }

  /** {@code shortValue} in CI, {@code longValue} in the long mode. */
  public static Duration pick(Duration shortValue, Duration longValue) {
    return isLong() ? longValue : shortValue;
  }

  /** "short" or "long", for figures and messages. */
  public static String mode() {
    return isLong() ? "long" : "short";
  }
}
