package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serialized worker per pod UID, as the kubelet's pod workers: at most one sync or termination
 * of a pod runs at a time; updates that arrive meanwhile collapse into one pending slot (the latest
 * pod wins); a termination request is never replaced by an update, and once a pod is terminated its
 * UID is not started again.
 *
 * <p>Each worker's fields are guarded by the worker's own monitor; the map of workers is
 * concurrent. Syncs run on {@code executor}; requeues are timed on {@code scheduler}.
 */
final class PodWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(PodWorkers.class);
  private static final int REMEMBERED_TERMINATIONS = 4096;

  /** What a worker does; both methods may block, and may throw to be retried. */
  interface Handler {
    /** Syncs the pod; returns when to sync again, or null to wait for the next event. */
    Duration sync(Pod pod);

    /** Tears the pod down; {@code lastKnown} may be null for a pod the agent never saw. */
    void terminate(String uid, Pod lastKnown, long gracePeriodSeconds);
  }

  private final Handler handler;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Worker> workers = new ConcurrentHashMap<>();
  private final Set<String> terminated =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_TERMINATIONS;
                }
              }));

  PodWorkers(Handler handler, ExecutorService executor, ScheduledExecutorService scheduler) {
    this.handler = handler;
    this.executor = executor;
    this.scheduler = scheduler;
  }

  /** The pod was added or changed: sync it with this version (or a later one). */
  void update(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (terminated.contains(uid)) {
      return;
    }
    worker(uid).offer(pod);
  }

  /** Something changed in the runtime for this pod: sync it again with its latest version. */
  void wake(String uid) {
    Worker w = workers.get(uid);
    if (w != null) {
      w.offer(null);
    }
  }

  /** Tears the pod down; later updates of the UID are ignored. */
  void terminate(String uid, Pod lastKnown, long gracePeriodSeconds) {
    if (terminated.contains(uid)) {
      return;
    }
    worker(uid).kill(lastKnown, gracePeriodSeconds);
  }

  /** True when a worker exists for the UID or it was terminated: the UID is not an orphan. */
  boolean knows(String uid) {
    return workers.containsKey(uid) || terminated.contains(uid);
  }

  int size() {
    return workers.size();
  }

  private Worker worker(String uid) {
    return workers.computeIfAbsent(uid, Worker::new);
  }

  private final class Worker implements Runnable {
    private final String uid;
    private Pod latest;
    private boolean dirty;
    private boolean killRequested;
    private Pod killPod;
    private long killGrace;
    private boolean running;
    private boolean done;
    private int failures;

    Worker(String uid) {
      this.uid = uid;
    }

    /** {@code pod} null means: sync again with what we have. */
    synchronized void offer(Pod pod) {
      if (done || killRequested) {
        return;
      }
      if (pod != null) {
        latest = pod;
      }
      if (latest == null) {
        return;
      }
      dirty = true;
      schedule();
    }

    synchronized void kill(Pod lastKnown, long grace) {
      if (done) {
        return;
      }
      killRequested = true;
      killPod = lastKnown != null ? lastKnown : latest;
      killGrace = grace;
      schedule();
    }

    private void schedule() {
      if (!running) {
        running = true;
        executor.execute(this);
      }
    }

    @Override
    public void run() {
      while (true) {
        Pod pod;
        boolean kill;
        long grace;
        synchronized (this) {
          kill = killRequested;
          if (!kill && !dirty) {
            running = false;
            return;
          }
          pod = kill ? killPod : latest;
          grace = killGrace;
          dirty = false;
        }
        if (kill) {
          runKill(pod, grace);
          return;
        }
        runSync(pod);
      }
    }

    private void runSync(Pod pod) {
      try {
        Duration again = handler.sync(pod);
        failures = 0;
        if (again != null) {
          requeue(again);
        }
      } catch (RuntimeException e) {
        failures++;
        LOG.warn("pod {}/{}: sync failed: {}", pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(), e.toString());
        requeue(retryDelay());
      }
    }

    private void runKill(Pod pod, long grace) {
      try {
        handler.terminate(uid, pod, grace);
      } catch (RuntimeException e) {
        // keep the kill request; try again after a pause
        failures++;
        LOG.warn("pod {}: termination failed: {}", uid, e.toString());
        synchronized (this) {
          running = false;
        }
        scheduler.schedule(
            () -> {
              synchronized (this) {
                schedule();
              }
            },
            retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      terminated.add(uid);
      synchronized (this) {
        done = true;
        running = false;
      }
      workers.remove(uid, this);
    }

    private void requeue(Duration after) {
      scheduler.schedule(() -> offer(null), Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Jittered, growing with consecutive failures: 1 s, 2 s, 4 s … 30 s. */
    private Duration retryDelay() {
      long base = Math.min(30_000, 1000L << Math.min(failures - 1, 5));
      return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
  }
}
