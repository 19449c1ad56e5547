package io.vessel.agent.probe;

/**
 * The kubelet's threshold rule for one probe of one container: the reported result changes only
 * after {@code successThreshold} successes, or {@code failureThreshold} failures, in a row. Runs
 * that could not be made ({@code UNKNOWN}) neither count nor break a run.
 *
 * <p>Not thread-safe: owned by its {@link ProbeWorker}, which runs one probe at a time.
 */
final class ProbeCounter {
  private final int successThreshold;
  private final int failureThreshold;
  private boolean result;
  private Boolean last;
  private int run;

  ProbeCounter(int successThreshold, int failureThreshold, boolean initial) {
    this.successThreshold = Math.max(1, successThreshold);
    this.failureThreshold = Math.max(1, failureThreshold);
    this.result = initial;
  }

  /** Counts one run; returns the result to report, which may be unchanged. */
  boolean observe(ProbeResult.Outcome outcome) {
    if (outcome == ProbeResult.Outcome.UNKNOWN) {
      return result;
    }
    boolean success = outcome == ProbeResult.Outcome.SUCCESS;
    run = last != null && last == success ? run + 1 : 1;
    last = success;
    if (success && run >= successThreshold) {
      result = true;
    } else if (!success && run >= failureThreshold) {
      result = false;
    }
    return result;
  }

  /**
   * True when the last {@code failureThreshold} runs failed: the decision that kills a container
   * (a startup probe's initial "not started" is no such decision).
   */
  boolean failedOut() {
    return last != null && !last && run >= failureThreshold;
  }

  boolean result() {
    return result;
  }

  /** Starts over, for a new container or after the container was killed for failing. */
  void reset(boolean initial) {
    result = initial;
    last = null;
    run = 0;
  }
}
