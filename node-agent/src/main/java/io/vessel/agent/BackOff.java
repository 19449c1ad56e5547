package io.vessel.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's per-key back-off (client-go {@code flowcontrol.Backoff}) for container restarts
 * and image pulls: the first retry is free, then 10 s, doubling up to 5 min. A key whose last
 * failure is older than twice the maximum starts over.
 *
 * <p>Thread-safe; in practice each key is only touched by its pod's worker.
 */
final class BackOff {
  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);

  private record Entry(Duration delay, Instant lastUpdate) {}

  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  BackOff(Clock clock) {
    this.clock = clock;
  }

  /** Records a retry now: the next delay is 10 s, or double the last one, at most 5 min. */
  void next(String key) {
    Instant now = clock.instant();
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

  /**
   * How long a retry of {@code key} must still wait, counted from {@code since} (when the last
   * attempt failed); zero when it may go now.
   */
  Duration remaining(String key, Instant since) {
    Entry e = entries.get(key);
    Instant now = clock.instant();
    if (e == null || expired(e, now)) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, since.plus(e.delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The current delay of {@code key}, for messages; zero if none. */
  Duration delay(String key) {
    Entry e = entries.get(key);
    return e == null ? Duration.ZERO : e.delay;
  }

  /** Forgets every key starting with {@code prefix} (a pod that is gone). */
  void forgetPrefix(String prefix) {
    entries.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static boolean expired(Entry e, Instant now) {
    return Duration.between(e.lastUpdate, now).compareTo(MAX.multipliedBy(2)) > 0;
  }
}
