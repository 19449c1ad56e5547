package io.vessel.conformance.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency samples in nanoseconds, every one kept (a phase has at most a few million), and exact
 * nearest-rank percentiles over them.
 *
 * <p>Threading: {@link #record} may be called from any thread; read the figures only after every
 * recording thread is done (the phase's future completed).
 */
final class Latencies {

  private final long[] samples;
  private final AtomicInteger count = new AtomicInteger();
  private long[] sorted;

  Latencies(int capacity) {
    samples = new long[capacity];
  }

  /** Keeps one sample; samples beyond the capacity are dropped (and counted). */
  void record(long nanos) {
    int i = count.getAndIncrement();
    if (i < samples.length) {
      samples[i] = nanos;
    }
  }

  int count() {
    return Math.min(count.get(), samples.length);
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds, or NaN without samples. */
  double percentileMs(double p) {
    var s = sorted();
    if (s.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
  }

  double maxMs() {
    var s = sorted();
    return s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6;
  }

  double meanMs() {
    var s = sorted();
    return s.length == 0 ? Double.NaN : Arrays.stream(s).average().orElse(0) / 1e6;
  }

  private long[] sorted() {
    if (sorted == null || sorted.length != count()) {
      sorted = Arrays.copyOf(samples, count());
      Arrays.sort(sorted);
    }
    return sorted;
  }
}
