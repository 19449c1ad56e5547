package io.vessel.agent.probe;

/**
 * One run of a probe or hook action.
 *
 * @param outcome {@code UNKNOWN} when the action could not be run at all (a bad named port, a
 *     runtime error other than a timeout): the kubelet discards such runs rather than count them
 * @param message the command's output, the HTTP status or the error, for events and logs
 */
public record ProbeResult(Outcome outcome, String message) {

  public enum Outcome {
    SUCCESS,
    FAILURE,
    UNKNOWN
  }

  static ProbeResult success(String message) {
    return new ProbeResult(Outcome.SUCCESS, message);
  }

  static ProbeResult failure(String message) {
    return new ProbeResult(Outcome.FAILURE, message);
  }

  static ProbeResult unknown(String message) {
    return new ProbeResult(Outcome.UNKNOWN, message);
  }

  public boolean succeeded() {
    return outcome == Outcome.SUCCESS;
  }
}
