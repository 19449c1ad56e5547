package io.vessel.server.scheduler;

import io.vessel.kit.queue.WorkQueue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pods no node fitted, and when each may be tried again. A change in the cluster that could
 * make room (a node added or changed, a placed pod gone) sends them all back to the queue, each
 * after its back-off: 1 s after the first failure, doubling to at most 10 s, as upstream's
 * podInitialBackoffDuration and podMaxBackoffDuration.
 *
 * <p>Threading: called from informer event loops and scheduling workers; the map is concurrent.
 */
final class SchedulingBackoff {
  static final Duration INITIAL = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(10);

  private record Attempts(int count, long lastNanos) {}

  private final WorkQueue<String> queue;
  private final Map<String, Attempts> unschedulable = new ConcurrentHashMap<>();

  SchedulingBackoff(WorkQueue<String> queue) {
    this.queue = queue;
  }

  void failed(String key) {
    unschedulable.merge(
        key,
        new Attempts(1, System.nanoTime()),
        (old, first) -> new Attempts(old.count() + 1, first.lastNanos()));
  }

  void forget(String key) {
    unschedulable.remove(key);
  }

  /** Requeues every unschedulable pod once its back-off has passed. */
  void retryAll() {
    long now = System.nanoTime();
    unschedulable.forEach(
        (key, a) -> {
          long wait = delay(a.count()).toNanos() - (now - a.lastNanos());
          queue.addAfter(key, Duration.ofNanos(Math.max(0, wait)));
        });
  }

  static Duration delay(int failures) {
    long millis = INITIAL.toMillis();
    for (int i = 1; i < failures && millis < MAX.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, MAX.toMillis()));
  }
}
