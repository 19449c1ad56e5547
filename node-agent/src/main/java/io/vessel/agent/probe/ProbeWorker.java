package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes one container of one pod with one probe, every {@code periodSeconds}, as the kubelet's
 * probe worker: it waits for the container to run, for {@code initialDelaySeconds} after its start
 * and (liveness and readiness) for the startup probe to pass; it starts over for each new container
 * id; a liveness or startup failure asks the pod sync to kill the container, then holds until the
 * next container.
 *
 * <p>{@link #tick} runs on the manager's prober threads, never twice at once (fixed-delay
 * schedule), and owns every field but {@code future} and {@code stopped}.
 */
final class ProbeWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeWorker.class);

  private final ProbeManager manager;
  private final String podUid;
  private final String podName;
  private final Container container;
  private final ProbeType type;
  private final Probe probe;
  private final ProbeCounter counter;
  private final Clock clock;
  private String containerId;
  private boolean onHold;
  volatile ScheduledFuture<?> future;
  volatile boolean stopped;

  ProbeWorker(
      ProbeManager manager, String podUid, String podName, Container container, ProbeType type,
      Clock clock) {
    this.manager = manager;
    this.podUid = podUid;
    this.podName = podName;
    this.container = container;
    this.type = type;
    this.probe = type.of(container);
    this.clock = clock;
    this.counter =
        new ProbeCounter(
            orDefault(probe.getSuccessThreshold(), 1), orDefault(probe.getFailureThreshold(), 3),
            type.initiallySuccessful());
  }

  Duration period() {
    return Duration.ofSeconds(Math.max(1, orDefault(probe.getPeriodSeconds(), 10)));
  }

  @Override
  public void run() {
    try {
      tick();
    } catch (RuntimeException e) {
      // a throwing task would cancel its schedule; the next period tries again
      LOG.warn("pod {}: {} probe of {} failed to run: {}", podName, type.label(),
          container.getName(), e.toString());
    }
  }

  void tick() {
    if (stopped) {
      return;
    }
    var running = manager.running(podUid, container.getName());
    if (running == null) {
      return; // not running: nothing to probe, and the status says not ready anyway
    }
    if (!running.containerId().equals(containerId)) {
      containerId = running.containerId();
      onHold = false;
      counter.reset(type.initiallySuccessful());
      manager.publish(podUid, container.getName(), type, containerId, counter.result());
    }
    if (onHold) {
      return;
    }
    boolean started = manager.started(podUid, container, containerId);
    if (type == ProbeType.STARTUP ? started : !started) {
      return; // a startup probe stops once passed; the others wait for it
    }
    var since = Duration.between(running.startedAt(), clock.instant());
    if (since.getSeconds() < orDefault(probe.getInitialDelaySeconds(), 0)) {
      return;
    }
    var timeout = Duration.ofSeconds(Math.max(1, orDefault(probe.getTimeoutSeconds(), 1)));
    var result = manager.prober().probe(
        probe, new Prober.Target(container, containerId, running.podIp()), timeout);
    if (result.outcome() == ProbeResult.Outcome.FAILURE) {
      LOG.info("pod {}: Unhealthy: container {}: {} probe failed: {}", podName,
          container.getName(), type.label(), result.message().strip());
    } else if (result.outcome() == ProbeResult.Outcome.UNKNOWN) {
      LOG.info("pod {}: Unhealthy: container {}: {} probe errored: {}", podName,
          container.getName(), type.label(), result.message());
    }
    boolean success = counter.observe(result.outcome());
    manager.publish(podUid, container.getName(), type, containerId, success);
    if (type != ProbeType.READINESS && counter.failedOut()) {
      onHold = true;
      manager.requestKill(podUid, containerId,
          "Container " + container.getName() + " failed " + type.label().toLowerCase()
              + " probe, will be restarted");
    }
  }

  void stop() {
    stopped = true;
    var f = future;
    if (f != null) {
      f.cancel(false);
    }
  }

  String podName() {
    return podName;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
