package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vessel.agent.PodSyncer.Waiting;
import io.vessel.agent.probe.ProbeStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's status from what the runtime holds, as the kubelet computes it: phase, the four
 * conditions, pod and host IPs, and one status per (init) container. Deterministic for the same
 * runtime state, so an unchanged pod produces an equal status and no patch; transition and start
 * times are carried over from the pod's current status.
 */
final class PodStatusBuilder {
  private final String hostIp;
  private final String runtimeName;
  private final Clock clock;
  private final ProbeStatus probes;
  private final TerminationLogs terminationLogs;

  /**
   * @param probes whether a running container is started and ready
   * @param terminationLogs the messages of exited containers
   */
  PodStatusBuilder(
      String hostIp, String runtimeName, Clock clock, ProbeStatus probes,
      TerminationLogs terminationLogs) {
    this.hostIp = hostIp;
    this.runtimeName = runtimeName;
    this.clock = clock;
    this.probes = probes;
    this.terminationLogs = terminationLogs;
  }

  static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  PodStatus build(Pod pod, PodRuntime runtime, Map<String, Waiting> waiting) {
    var spec = pod.getSpec();
    var old = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<Container> inits = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    var initStatuses = new ArrayList<ContainerStatus>();
    boolean initialized = true;
    boolean initFailed = false;
    for (Container c : inits) {
      var s = containerStatus(pod, c, runtime, waiting, "PodInitializing");
      initStatuses.add(s);
      var t = s.getState().getTerminated();
      if (t == null || t.getExitCode() != 0) {
        initFailed |= t != null && "Never".equals(spec.getRestartPolicy());
        initialized = false;
      }
    }
    var statuses = new ArrayList<ContainerStatus>();
    for (Container c : spec.getContainers()) {
      statuses.add(
          containerStatus(
              pod, c, runtime, waiting, initialized ? "ContainerCreating" : "PodInitializing"));
    }
    String phase = phase(spec.getRestartPolicy(), initialized, initFailed, statuses);
    if (isTerminal(pod)) {
      phase = old.getPhase(); // terminal phases never change
    }
    var notReady =
        statuses.stream().filter(s -> !s.getReady()).map(s -> s.getName()).toList();
    var incomplete = new ArrayList<String>();
    for (var s : initStatuses) {
      var t = s.getState().getTerminated();
      if (t == null || t.getExitCode() != 0) {
        incomplete.add(s.getName());
      }
    }
    boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
    var conditions = new ArrayList<PodCondition>();
    conditions.add(condition(old, "PodReadyToStartContainers", runtime.ready().isPresent(), null, null));
    conditions.add(
        condition(old, "Initialized", initialized, terminal && !initialized ? "PodCompleted"
            : "ContainersNotInitialized",
            "containers with incomplete status: [" + String.join(" ", incomplete) + "]"));
    String notReadyReason = terminal ? "PodCompleted" : "ContainersNotReady";
    String notReadyMessage = "containers with unready status: [" + String.join(" ", notReady) + "]";
    conditions.add(condition(old, "Ready", notReady.isEmpty(), notReadyReason, notReadyMessage));
    conditions.add(
        condition(old, "ContainersReady", notReady.isEmpty(), notReadyReason, notReadyMessage));
    conditions.add(condition(old, "PodScheduled", true, null, null));

    var status = new PodStatus();
    status.setPhase(phase);
    status.setConditions(conditions);
    status.setHostIP(hostIp);
    status.setHostIPs(List.of(new HostIP(hostIp)));
    String podIp = runtime.podIp();
    if (podIp.isEmpty() && old.getPodIP() != null && !runtime.containers().isEmpty()) {
      podIp = old.getPodIP(); // a finished pod keeps the IP it had
    }
    if (!podIp.isEmpty()) {
      status.setPodIP(podIp);
      status.setPodIPs(List.of(new PodIP(podIp)));
    }
    status.setStartTime(old.getStartTime() != null ? old.getStartTime() : KubeTime.time(clock.instant()));
    status.setQosClass(old.getQosClass());
    if (!initStatuses.isEmpty()) {
      status.setInitContainerStatuses(initStatuses);
    }
    status.setContainerStatuses(statuses);
    return status;
  }

  /** The kubelet's getPhase, without the unknown-state cases the CRI cannot produce here. */
  static String phase(
      String restartPolicy, boolean initialized, boolean initFailed,
      List<ContainerStatus> statuses) {
    if (initFailed) {
      return "Failed";
    }
    if (!initialized) {
      return "Pending";
    }
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (var s : statuses) {
      var state = s.getState();
      if (state.getRunning() != null) {
        running++;
      } else if (state.getTerminated() != null) {
        stopped++;
        if (state.getTerminated().getExitCode() == 0) {
          succeeded++;
        }
      } else if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
        stopped++; // waiting to restart
      } else {
        waiting++;
      }
    }
    if (waiting > 0) {
      return "Pending";
    }
    if (running > 0) {
      return "Running";
    }
    if (stopped > 0) {
      String policy = restartPolicy == null ? "Always" : restartPolicy;
      if ("Always".equals(policy)) {
        return "Running";
      }
      if (stopped == succeeded) {
        return "Succeeded";
      }
      return "Never".equals(policy) ? "Failed" : "Running";
    }
    return "Pending";
  }

  private ContainerStatus containerStatus(
      Pod pod, Container c, PodRuntime runtime, Map<String, Waiting> waiting, String defaultWaiting) {
    var attempts = runtime.attempts(c.getName());
    var latest = attempts.isEmpty() ? null : attempts.get(0);
    var builder =
        new ContainerStatusBuilder()
            .withName(c.getName())
            .withImage(c.getImage())
            .withImageID("")
            .withRestartCount(latest == null ? 0 : (int) latest.getMetadata().getAttempt());
    Waiting why = waiting.get(c.getName());
    ContainerState state;
    ContainerState last = new ContainerState();
    if (latest == null) {
      state = waitingState(why != null ? why : new Waiting(defaultWaiting, null));
    } else {
      builder.withContainerID(runtimeName + "://" + latest.getId()).withImageID(latest.getImageRef());
      if (PodRuntime.exited(latest) && why != null) {
        state = waitingState(why); // e.g. CrashLoopBackOff, with the exit in lastState
        last = terminated(latest, c);
      } else {
        state = state(latest, c);
        if (attempts.size() > 1 && PodRuntime.exited(attempts.get(1))) {
          last = terminated(attempts.get(1), c);
        }
      }
    }
    boolean running = state.getRunning() != null;
    String uid = pod.getMetadata().getUid();
    boolean started = running && probes.started(uid, c, latest.getId());
    return builder
        .withState(state)
        .withLastState(last)
        .withReady(started && probes.ready(uid, c, latest.getId()))
        .withStarted(started)
        .build();
  }

  private ContainerState state(io.vessel.cri.v1.ContainerStatus c, Container spec) {
    return switch (c.getState()) {
      case CONTAINER_RUNNING ->
          new ContainerStateBuilder()
              .withNewRunning()
              .withStartedAt(KubeTime.fromNanos(c.getStartedAt()))
              .endRunning()
              .build();
      case CONTAINER_EXITED -> terminated(c, spec);
      default -> waitingState(new Waiting("ContainerCreating", null));
    };
  }

  private ContainerState terminated(io.vessel.cri.v1.ContainerStatus c, Container spec) {
    String message = terminationLogs.message(c, spec);
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(c.getExitCode())
        .withReason(c.getReason().isEmpty() ? (c.getExitCode() == 0 ? "Completed" : "Error") : c.getReason())
        .withMessage(message.isEmpty() ? null : message)
        .withStartedAt(KubeTime.fromNanos(c.getStartedAt()))
        .withFinishedAt(KubeTime.fromNanos(c.getFinishedAt()))
        .withContainerID(runtimeName + "://" + c.getId())
        .endTerminated()
        .build();
  }

  private static ContainerState waitingState(Waiting w) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(w.reason())
        .withMessage(w.message())
        .endWaiting()
        .build();
  }

  private PodCondition condition(
      PodStatus old, String type, boolean ok, String reason, String message) {
    String status = ok ? "True" : "False";
    String transition = KubeTime.time(clock.instant());
    if (old.getConditions() != null) {
      for (PodCondition p : old.getConditions()) {
        if (type.equals(p.getType()) && status.equals(p.getStatus())
            && p.getLastTransitionTime() != null) {
          transition = p.getLastTransitionTime();
        }
      }
    }
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(ok ? null : reason)
        .withMessage(ok ? null : message)
        .withLastTransitionTime(transition)
        .build();
  }
}
