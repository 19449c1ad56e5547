package io.vessel.kit.queue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Per-key exponential back-off for failed reconciles: base doubling up to a cap, reset on success. */
public final class RateLimiter<K> {
  private final long baseMillis;
  private final long maxMillis;
  private final ConcurrentHashMap<K, Integer> failures = new ConcurrentHashMap<>();

  public RateLimiter(Duration base, Duration max) {
    this.baseMillis = base.toMillis();
    this.maxMillis = max.toMillis();
  }

  /** client-go's defaults for controllers: 5 ms doubling to 1000 s. */
  public static <K> RateLimiter<K> controllerDefault() {
    return new RateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
  }

  public Duration when(K key) {
    int n = failures.merge(key, 1, Integer::sum) - 1;
    long delay = n >= 40 ? maxMillis : Math.min(maxMillis, baseMillis << n);
    return Duration.ofMillis(delay);
  }

  public void forget(K key) {
    failures.remove(key);
  }

  public int failures(K key) {
    return failures.getOrDefault(key, 0);
  }
}
