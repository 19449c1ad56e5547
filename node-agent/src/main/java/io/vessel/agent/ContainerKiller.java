package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.vessel.agent.probe.Prober;
import io.vessel.cri.CriClient;
import io.vessel.cri.v1.ContainerStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops one running container as the kubelet's killContainer: its {@code preStop} hook first,
 * within the grace period, then StopContainer with what is left of it (at least 2 s, as the
 * kubelet gives after a hook). Also runs {@code postStart}, the other hook, since a failed one ends
 * in a kill. Blocks the calling pod worker for up to the grace period.
 */
final class ContainerKiller {
  static final long MIN_GRACE_AFTER_HOOK_SECONDS = 2;
  /** The kubelet puts no bound on postStart; one is needed so a hung hook frees the worker. */
  static final Duration POST_START_TIMEOUT = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(ContainerKiller.class);

  private final CriClient cri;
  private final Prober prober;

  ContainerKiller(CriClient cri, Prober prober) {
    this.cri = cri;
    this.prober = prober;
  }

  /**
   * @param spec the container's spec, or null when unknown (no hook then)
   * @param reason why, for the log line (the kubelet's Killing event message)
   */
  void kill(String podName, Container spec, ContainerStatus c, String podIp, long graceSeconds,
      String reason) {
    long grace = Math.max(0, graceSeconds);
    var hook = spec == null || spec.getLifecycle() == null ? null : spec.getLifecycle().getPreStop();
    LOG.info("pod {}: Killing: {} (grace {} s)", podName, reason, grace);
    if (hook != null && grace > 0) {
      long start = System.nanoTime();
      var result = prober.hook(hook, new Prober.Target(spec, c.getId(), podIp),
          Duration.ofSeconds(grace));
      if (!result.succeeded()) {
        LOG.info("pod {}: FailedPreStopHook: container {}: {}", podName, spec.getName(),
            result.message().strip());
      }
      long spent = (System.nanoTime() - start) / 1_000_000_000L;
      grace = Math.max(MIN_GRACE_AFTER_HOOK_SECONDS, grace - spent);
    }
    cri.stopContainer(c.getId(), grace);
  }

  /**
   * Runs the container's postStart hook, if any; returns false when it failed, after killing the
   * container (the pod sync restarts it by its restart policy).
   */
  boolean postStart(Pod pod, Container spec, String containerId, String podIp) {
    var hook = spec.getLifecycle() == null ? null : spec.getLifecycle().getPostStart();
    if (hook == null) {
      return true;
    }
    var result = prober.hook(hook, new Prober.Target(spec, containerId, podIp), POST_START_TIMEOUT);
    if (result.succeeded()) {
      return true;
    }
    String podName = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    LOG.info("pod {}: FailedPostStartHook: container {}: {}", podName, spec.getName(),
        result.message().strip());
    cri.stopContainer(containerId, terminationGrace(pod, null));
    return false;
  }

  /**
   * The grace period of a kill: the failed probe's own {@code terminationGracePeriodSeconds}
   * when set, else the pod's, else 30 s.
   */
  static long terminationGrace(Pod pod, Probe failed) {
    if (failed != null && failed.getTerminationGracePeriodSeconds() != null) {
      return failed.getTerminationGracePeriodSeconds();
    }
    Long g = pod.getSpec().getTerminationGracePeriodSeconds();
    return g == null ? PodSource.DEFAULT_GRACE_SECONDS : g;
  }
}
