package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vessel.server.api.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The READY, STATUS and RESTARTS cells of a pod, computed as kube-apiserver's pod printer does: the
 * status is the phase (or status.reason), overridden by the first unfinished init container ({@code
 * Init:1/3}, {@code Init:CrashLoopBackOff}), then by the waiting or terminated reason of the
 * containers, and finally by {@code Terminating}; restartable init containers (sidecars) count as
 * containers.
 *
 * @param lastRestart when the most recent restart counted in {@code restarts} ended, or null
 */
public record PodStatusSummary(
    int ready, int total, String reason, int restarts, Instant lastRestart) {

  /** Set on pods of an unreachable node that the node lifecycle controller is deleting. */
  private static final String NODE_LOST = "NodeLost";

  public String readyCell() {
    return ready + "/" + total;
  }

  /** {@code "3"}, or {@code "3 (5m ago)"} when the last restart's end is known. */
  public String restartsCell(Instant now) {
    if (restarts == 0 || lastRestart == null) {
      return Integer.toString(restarts);
    }
    return restarts + " (" + HumanDuration.format(Duration.between(lastRestart, now)) + " ago)";
  }

  public static PodStatusSummary of(Pod pod) {
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    Tally t = new Tally();
    t.total = PodSpecDefaults.list(spec.getContainers()).size();
    String phase = status.getPhase() == null ? "" : status.getPhase();
    t.reason = notEmpty(status.getReason()) ? status.getReason() : phase;
    for (PodCondition c : PodSpecDefaults.list(status.getConditions())) {
      if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
        t.reason = "SchedulingGated";
      }
    }
    Map<String, Container> inits = new HashMap<>();
    for (Container c : PodSpecDefaults.list(spec.getInitContainers())) {
      inits.put(c.getName(), c);
      if (restartable(c)) {
        t.total++;
      }
    }
    boolean initializing = initContainers(status, spec, inits, t);
    if (!initializing || conditionTrue(status, "Initialized")) {
      containers(status, t);
    }
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      if (NODE_LOST.equals(status.getReason())) {
        t.reason = "Unknown";
      } else if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
        t.reason = "Terminating";
      }
    }
    return new PodStatusSummary(t.ready, t.total, t.reason, t.restarts, t.lastRestart);
  }

  /** Walks init containers up to the first unfinished one; true if the pod is initializing. */
  private static boolean initContainers(
      PodStatus status, PodSpec spec, Map<String, Container> inits, Tally t) {
    List<ContainerStatus> statuses = PodSpecDefaults.list(status.getInitContainerStatuses());
    int declared = PodSpecDefaults.list(spec.getInitContainers()).size();
    for (int i = 0; i < statuses.size(); i++) {
      ContainerStatus cs = statuses.get(i);
      boolean sidecar = restartable(inits.get(cs.getName()));
      int count = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      t.restarts += count;
      t.lastRestart = later(t.lastRestart, lastTermination(cs));
      if (sidecar) {
        t.sidecarRestarts += count;
        t.lastSidecarRestart = later(t.lastSidecarRestart, lastTermination(cs));
      }
      ContainerStateTerminated terminated =
          cs.getState() == null ? null : cs.getState().getTerminated();
      var waiting = cs.getState() == null ? null : cs.getState().getWaiting();
      if (terminated != null && exitCode(terminated) == 0) {
        continue;
      }
      if (sidecar && Boolean.TRUE.equals(cs.getStarted())) {
        if (Boolean.TRUE.equals(cs.getReady())) {
          t.ready++;
        }
        continue;
      }
      if (terminated != null) {
        t.reason = "Init:" + terminatedReason(terminated);
      } else if (waiting != null
          && notEmpty(waiting.getReason())
          && !waiting.getReason().equals("PodInitializing")) {
        t.reason = "Init:" + waiting.getReason();
      } else {
        t.reason = "Init:" + i + "/" + declared;
      }
      return true;
    }
    return false;
  }

  /** Walks the app containers from last to first, so the first container's state wins. */
  private static void containers(PodStatus status, Tally t) {
    t.restarts = t.sidecarRestarts;
    t.lastRestart = t.lastSidecarRestart;
    boolean hasRunning = false;
    List<ContainerStatus> statuses = PodSpecDefaults.list(status.getContainerStatuses());
    for (int i = statuses.size() - 1; i >= 0; i--) {
      ContainerStatus cs = statuses.get(i);
      t.restarts += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      t.lastRestart = later(t.lastRestart, lastTermination(cs));
      var state = cs.getState();
      var waiting = state == null ? null : state.getWaiting();
      var terminated = state == null ? null : state.getTerminated();
      if (waiting != null && notEmpty(waiting.getReason())) {
        t.reason = waiting.getReason();
      } else if (terminated != null) {
        t.reason = terminatedReason(terminated);
      } else if (Boolean.TRUE.equals(cs.getReady())
          && state != null
          && state.getRunning() != null) {
        hasRunning = true;
        t.ready++;
      }
    }
    if (t.reason.equals("Completed") && hasRunning) {
      t.reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
    }
  }

  private static String terminatedReason(ContainerStateTerminated terminated) {
    if (notEmpty(terminated.getReason())) {
      return terminated.getReason();
    }
    Integer signal = terminated.getSignal();
    if (signal != null && signal != 0) {
      return "Signal:" + signal;
    }
    return "ExitCode:" + exitCode(terminated);
  }

  private static int exitCode(ContainerStateTerminated terminated) {
    return terminated.getExitCode() == null ? 0 : terminated.getExitCode();
  }

  private static Instant lastTermination(ContainerStatus cs) {
    if (cs.getLastState() == null || cs.getLastState().getTerminated() == null) {
      return null;
    }
    String finished = cs.getLastState().getTerminated().getFinishedAt();
    return notEmpty(finished) ? Instant.parse(finished) : null;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  private static boolean restartable(Container c) {
    return c != null && "Always".equals(c.getRestartPolicy());
  }

  private static boolean conditionTrue(PodStatus status, String type) {
    for (PodCondition c : PodSpecDefaults.list(status.getConditions())) {
      if (type.equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  /** The counters the two walks share. */
  private static final class Tally {
    int ready;
    int total;
    String reason;
    int restarts;
    Instant lastRestart;
    int sidecarRestarts;
    Instant lastSidecarRestart;
  }
}
