package io.vessel.conformance.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one measured phase.
 *
 * @param detail a phase-specific note (response size, items listed), or empty
 * @param pgWaits what Vessel's PostgreSQL sessions were doing, averaged over the phase (sessions
 *     per state), when sampled; empty otherwise
 */
record PhaseResult(
    String name,
    int ok,
    int errors,
    List<String> errorSamples,
    double seconds,
    double p50Ms,
    double p99Ms,
    double maxMs,
    CpuUsage cpu,
    Map<String, Double> pgWaits,
    String detail) {

  static PhaseResult of(
      String name, ClosedLoop.Outcome outcome, CpuUsage cpu, Map<String, Double> pgWaits) {
    return new PhaseResult(
        name,
        outcome.ok(),
        outcome.errors(),
        outcome.errorSamples(),
        outcome.seconds(),
        outcome.latency().percentileMs(50),
        outcome.latency().percentileMs(99),
        outcome.latency().maxMs(),
        cpu,
        pgWaits,
        "");
  }

  double opsPerSecond() {
    return seconds > 0 ? ok / seconds : 0;
  }

  PhaseResult withDetail(String text) {
    return new PhaseResult(
        name, ok, errors, errorSamples, seconds, p50Ms, p99Ms, maxMs, cpu, pgWaits, text);
  }
}
