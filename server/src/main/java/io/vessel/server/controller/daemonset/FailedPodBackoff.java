package io.vessel.server.controller.daemonset;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off for replacing failed daemon pods, per DaemonSet and node, as upstream's
 * failedPodsBackoff (1 s doubling to 15 min): a node whose kubelet keeps rejecting the pod would
 * otherwise have it deleted and recreated in a hot loop. A key untouched for twice the maximum
 * starts again from the initial delay. Worker threads share it; a key is only touched by the
 * worker reconciling its DaemonSet.
 */
final class FailedPodBackoff {
  private static final Duration INITIAL = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofMinutes(15);

  private record Entry(Duration delay, Instant lastUpdate) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  static String key(String daemonSetKey, String node) {
    return daemonSetKey + "/" + node;
  }

  /** How long to wait still, if the last replacement on this key was less than its delay ago. */
  Duration remaining(String key, Instant now) {
    Entry e = entries.get(key);
    if (e == null) {
      return Duration.ZERO;
    }
    Duration left = e.delay.minus(Duration.between(e.lastUpdate, now));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Records a replacement now: the next one waits twice as long as the last. */
  void next(String key, Instant now) {
    entries.compute(
        key,
        (k, e) -> {
          if (e == null || expired(e, now)) {
            return new Entry(INITIAL, now);
          }
          Duration doubled = e.delay.multipliedBy(2);
          return new Entry(doubled.compareTo(MAX) > 0 ? MAX : doubled, now);
        });
  }

  /** Drops expired keys, so nodes and DaemonSets that are gone do not accumulate. */
  void gc(Instant now) {
    entries.values().removeIf(e -> expired(e, now));
  }

  private static boolean expired(Entry e, Instant now) {
    return Duration.between(e.lastUpdate, now).compareTo(MAX.multipliedBy(2)) > 0;
  }
}
