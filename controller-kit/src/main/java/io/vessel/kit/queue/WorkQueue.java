package io.vessel.kit.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keys waiting for a reconcile. A key is queued at most once; while it is being processed, new
 * adds mark it dirty and it is queued once more when done — so one key never runs twice at the
 * same time, and every change that arrives during a run is seen by a later run.
 */
public final class WorkQueue<K> {
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final RateLimiter<K> limiter;
  private final ScheduledExecutorService timers;
  private boolean shutDown;

  public WorkQueue(String name, RateLimiter<K> limiter) {
    this.limiter = limiter;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-delays");
              t.setDaemon(true);
              return t;
            });
  }

  public synchronized void add(K key) {
    if (shutDown || !dirty.add(key)) {
      return;
    }
    if (!processing.contains(key)) {
      queue.addLast(key);
      notify();
    }
  }

  public void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (this) {
      if (shutDown) {
        return;
      }
    }
    timers.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void addRateLimited(K key) {
    addAfter(key, limiter.when(key));
  }

  public void forget(K key) {
    limiter.forget(key);
  }

  /** The next key to process, waiting for one; null once the queue is shut down. */
  public synchronized K take() throws InterruptedException {
    while (queue.isEmpty() && !shutDown) {
      wait();
    }
    if (shutDown) {
      return null;
    }
    K key = queue.removeFirst();
    processing.add(key);
    dirty.remove(key);
    return key;
  }

  /** Ends processing of {@code key}; requeues it if it was added meanwhile. */
  public synchronized void done(K key) {
    processing.remove(key);
    if (dirty.contains(key)) {
      queue.addLast(key);
      notify();
    }
  }

  public synchronized int length() {
    return queue.size();
  }

  public synchronized void shutDown() {
    shutDown = true;
    timers.shutdownNow();
    notifyAll();
  }
}
