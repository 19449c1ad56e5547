package io.vessel.conformance.bench;

/** The results table as fixed-width text: metric, value, target, and whether the target was met. */
final class TableText {

  private static final String FORMAT = "%-38s %-52s %-24s %s%n";

  private final StringBuilder text = new StringBuilder();

  static String met(boolean met) {
    return met ? "yes" : "NO";
  }

  void title(String title) {
    text.append('\n').append(title).append('\n');
  }

  void header() {
    text.append(String.format(FORMAT, "Metric", "Value", "Target", "Met"));
    text.append("-".repeat(122)).append('\n');
  }

  void row(String metric, String value, String target, String met) {
    text.append(String.format(FORMAT, metric, value, target, met));
  }

  /** Throughput and latency of a phase; errors are shown when there were any. */
  void phase(String metric, PhaseResult p, String target) {
    row(metric, opsAndLatency(p), target == null ? "" : target, "");
  }

  /** Throughput, with the ratio to the baseline phase and the 50% target. */
  void throughput(String metric, PhaseResult p, PhaseResult baseline) {
    if (baseline == null) {
      phase(metric, p, null);
      return;
    }
    double ratio = p.opsPerSecond() / baseline.opsPerSecond();
    row(
        metric,
        String.format(
            "%,.0f ops/s = %.0f%% of baseline%s", p.opsPerSecond(), ratio * 100, errors(p)),
        ">= 50% of baseline",
        met(ratio >= 0.5));
  }

  void latency(String metric, PhaseResult p, String target, Boolean met) {
    row(
        metric,
        String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", p.p50Ms(), p.p99Ms(), p.maxMs()),
        target,
        met == null ? "" : met(met));
  }

  void list(String metric, ReadPhases.Listed listed, String target, double limitMs, boolean full) {
    var o = listed.outcome();
    double median = o.latency().percentileMs(50);
    row(
        metric,
        String.format(
            "median %.0f ms, p99 %.0f ms, %d items, %.1f MB%s",
            median,
            o.latency().percentileMs(99),
            listed.items(),
            listed.bytes() / 1e6,
            o.errors() > 0 ? ", " + o.errors() + " ERRORS" : ""),
        target,
        full ? met(median <= limitMs) : "n/a");
  }

  void watch(WatchFanout.Result w) {
    var v = w.verdict();
    var writes = w.writes();
    row(
        "Watch: streams / writes",
        String.format(
            "%d streams on <= %d HTTP/2 conns; %,d writes at %.0f/s%s",
            w.watchers(),
            w.connections(),
            writes.byResourceVersion().length,
            writes.achievedRate(),
            writes.errors() > 0 ? ", " + writes.errors() + " WRITE ERRORS" : ""),
        "",
        "");
    row(
        "Watch: write latency",
        String.format(
            "p50 %.1f ms, p99 %.1f ms",
            writes.latency().percentileMs(50), writes.latency().percentileMs(99)),
        "",
        "");
    row(
        "Watch: commit -> delivery",
        String.format(
            "p50 %.1f ms, p99 %.1f ms, max %.0f ms; %.0f%% before the write's answer",
            v.commitToDelivery().percentileMs(50),
            v.commitToDelivery().percentileMs(99),
            v.commitToDelivery().maxMs(),
            v.checked() == 0 ? 0.0 : 100.0 * v.beforeAnswer() / v.checked()),
        "p99 <= 50 ms",
        met(v.commitToDelivery().percentileMs(99) <= 50 && v.passed()));
    row(
        "Watch: send -> delivery",
        String.format(
            "p50 %.1f ms, p99 %.1f ms",
            v.sendToDelivery().percentileMs(50), v.sendToDelivery().percentileMs(99)),
        "",
        "");
    row(
        "Watch: events checked",
        String.format(
            "%,d of %,d expected; drained %.1f s after the last write",
            v.checked(), v.expected(), w.drainSeconds()),
        "",
        "");
    row(
        "Watch: lost / dup / out of order",
        String.format(
            "%d / %d / %d; wrong %d; broken streams %d",
            v.lost(), v.duplicated(), v.outOfOrder(), v.wrong(), v.brokenStreams()),
        "all 0",
        met(v.passed()));
  }

  private static String opsAndLatency(PhaseResult p) {
    return String.format(
        "%,.0f ops/s, p50 %.1f ms, p99 %.1f ms%s",
        p.opsPerSecond(), p.p50Ms(), p.p99Ms(), errors(p));
  }

  private static String errors(PhaseResult p) {
    return p.errors() > 0 ? ", " + p.errors() + " ERRORS" : "";
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
