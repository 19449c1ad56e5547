package io.vessel.agent;

import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.PodSandbox;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.cri.v1.PodSandboxStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime holds for one pod UID at one moment: its sandboxes, the newest ready sandbox's
 * status, and the status of each of its containers. Loaded fresh for every sync (the runtime is
 * the source of truth, as in the kubelet).
 */
record PodRuntime(
    List<PodSandbox> sandboxes, Optional<PodSandboxStatus> ready, List<ContainerStatus> containers) {

  static PodRuntime load(CriClient cri, String uid) {
    var byUid = Map.of(PodLabels.POD_UID, uid);
    var sandboxes =
        new ArrayList<>(
            cri.listPodSandbox(PodSandboxFilter.newBuilder().putAllLabelSelector(byUid).build()));
    sandboxes.sort(Comparator.comparingLong(PodSandbox::getCreatedAt).reversed());
    Optional<PodSandboxStatus> ready = Optional.empty();
    for (PodSandbox s : sandboxes) {
      if (s.getState() == PodSandboxState.SANDBOX_READY) {
        ready = Optional.of(cri.podSandboxStatus(s.getId()));
        break;
      }
    }
    var containers = new ArrayList<ContainerStatus>();
    for (var c : cri.listContainers(ContainerFilter.newBuilder().putAllLabelSelector(byUid).build())) {
      try {
        containers.add(cri.containerStatus(c.getId()));
      } catch (CriException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        // removed between the list and the status call: it no longer exists
      }
    }
    return new PodRuntime(List.copyOf(sandboxes), ready, List.copyOf(containers));
  }

  Optional<String> readySandboxId() {
    return ready.map(PodSandboxStatus::getId);
  }

  /** The pod IP of the ready sandbox, or empty. */
  String podIp() {
    return ready.map(s -> s.getNetwork().getIp()).orElse("");
  }

  /** Containers named {@code name}, newest attempt first. */
  List<ContainerStatus> attempts(String name) {
    return containers.stream()
        .filter(c -> name.equals(c.getMetadata().getName()))
        .sorted(
            Comparator.comparingInt((ContainerStatus c) -> c.getMetadata().getAttempt())
                .thenComparingLong(ContainerStatus::getCreatedAt)
                .reversed())
        .toList();
  }

  Optional<ContainerStatus> latest(String name) {
    var all = attempts(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  static boolean running(ContainerStatus c) {
    return c.getState() == ContainerState.CONTAINER_RUNNING;
  }

  static boolean exited(ContainerStatus c) {
    return c.getState() == ContainerState.CONTAINER_EXITED;
  }
}
