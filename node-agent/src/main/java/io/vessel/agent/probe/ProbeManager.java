package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.cri.CriClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's prober manager: one {@link ProbeWorker} per container and probe of each pod, all
 * timed on a small pool of prober threads (never a thread per probe, never a pod worker's thread).
 * The pod sync tells it which containers run ({@link #update}); workers publish their results
 * here; a change that the pod status shows (ready, started) or a kill request wakes the pod's
 * worker through {@code onChange}.
 *
 * <p>Thread-safe: every map is concurrent; the pod sync and the prober threads call in.
 */
public final class ProbeManager implements ProbeStatus, AutoCloseable {
  static final int PROBER_THREADS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(ProbeManager.class);

  /** A running container as the last pod sync saw it. */
  public record Running(String containerId, Instant startedAt, String podIp) {}

  private record Result(String containerId, boolean success) {}

  private final Prober prober;
  private final Consumer<String> onChange;
  private final Clock clock;
  private final Map<String, ProbeWorker> workers = new ConcurrentHashMap<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, String> kills = new ConcurrentHashMap<>();
  private ScheduledThreadPoolExecutor scheduler;
  private boolean closed;

  /** @param onChange called with a pod UID whose status or containers must be looked at again */
  public ProbeManager(CriClient cri, Consumer<String> onChange, Clock clock) {
    this.prober = new Prober(cri);
    this.onChange = onChange;
    this.clock = clock;
  }

  /**
   * The pod's containers that run now, by name; starts the workers of a pod seen for the first
   * time. Containers missing from {@code runningByName} are not probed until they run again.
   */
  public void update(Pod pod, Map<String, Running> runningByName) {
    String uid = pod.getMetadata().getUid();
    for (Container c : pod.getSpec().getContainers()) {
      String key = key(uid, c.getName());
      var now = runningByName.get(c.getName());
      if (now == null) {
        running.remove(key);
      } else {
        running.put(key, now);
      }
      for (ProbeType type : ProbeType.values()) {
        if (type.of(c) != null) {
          workers.computeIfAbsent(key + "/" + type, k -> start(pod, c, type));
        }
      }
    }
  }

  /** Stops the pod's workers and drops what they found: the pod is gone or finished. */
  public void forget(String podUid) {
    String prefix = podUid + "/";
    workers.entrySet().removeIf(e -> {
      if (e.getKey().startsWith(prefix)) {
        e.getValue().stop();
        return true;
      }
      return false;
    });
    running.keySet().removeIf(k -> k.startsWith(prefix));
    results.keySet().removeIf(k -> k.startsWith(prefix));
    kills.values().removeIf(v -> v.startsWith(prefix));
  }

  @Override
  public boolean started(String podUid, Container c, String containerId) {
    return c.getStartupProbe() == null || passed(podUid, c.getName(), ProbeType.STARTUP, containerId);
  }

  @Override
  public boolean ready(String podUid, Container c, String containerId) {
    if (c.getReadinessProbe() == null) {
      return started(podUid, c, containerId);
    }
    return passed(podUid, c.getName(), ProbeType.READINESS, containerId);
  }

  @Override
  public Optional<String> killRequest(String containerId) {
    return Optional.ofNullable(kills.get(containerId)).map(v -> v.substring(v.indexOf(' ') + 1));
  }

  @Override
  public void killed(String containerId) {
    kills.remove(containerId);
  }

  /** Number of probe workers, for tests and logs. */
  public int size() {
    return workers.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    workers.values().forEach(ProbeWorker::stop);
    workers.clear();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** The prober its workers use; hooks share it (one HTTP client per agent). */
  public Prober prober() {
    return prober;
  }

  Running running(String podUid, String name) {
    return running.get(key(podUid, name));
  }

  void publish(String podUid, String name, ProbeType type, String containerId, boolean success) {
    var next = new Result(containerId, success);
    var previous = results.put(key(podUid, name) + "/" + type, next);
    if (!next.equals(previous) && type != ProbeType.LIVENESS) {
      onChange.accept(podUid); // ready or started changed: the pod status must say so
    }
  }

  void requestKill(String podUid, String containerId, String reason) {
    // the value carries the UID so forget(uid) can drop it; killRequest strips it
    kills.put(containerId, podUid + "/ " + reason);
    onChange.accept(podUid);
  }

  private boolean passed(String podUid, String name, ProbeType type, String containerId) {
    var r = results.get(key(podUid, name) + "/" + type);
    return r != null && r.success() && r.containerId().equals(containerId);
  }

  private ProbeWorker start(Pod pod, Container c, ProbeType type) {
    var meta = pod.getMetadata();
    var worker =
        new ProbeWorker(this, meta.getUid(), meta.getNamespace() + "/" + meta.getName(), c, type,
            clock);
    synchronized (this) {
      if (closed) {
        worker.stop();
        return worker;
      }
      if (scheduler == null) {
        // made on first use: most pods have no probes, and tests make many managers
        scheduler = new ScheduledThreadPoolExecutor(PROBER_THREADS, r -> {
          var t = new Thread(r, "prober");
          t.setDaemon(true);
          return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
      }
      worker.future =
          scheduler.scheduleWithFixedDelay(
              worker, 0, worker.period().toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.debug("pod {}: {} probe of {} started", worker.podName(), type.label(), c.getName());
    return worker;
  }

  private static String key(String podUid, String name) {
    return podUid + "/" + name;
  }
}
