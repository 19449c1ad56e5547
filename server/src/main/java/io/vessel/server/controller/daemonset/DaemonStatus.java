package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.server.controller.Pods;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DaemonSet's status counts, as upstream's updateDaemonSetStatus: per node that should run the
 * daemon, whether it has a pod (currentNumberScheduled) and whether the oldest of its pods is
 * ready, available after minReadySeconds, and of the current revision; pods on nodes that should
 * not run it are misscheduled. observedGeneration moves only when the sync acted on this
 * generation, not while it waited for its own creates and deletes to show.
 */
final class DaemonStatus {
  private DaemonStatus() {}

  static DaemonSetStatus compute(
      DaemonSet ds,
      List<Node> nodes,
      NodePlacement placement,
      Map<String, List<Pod>> podsByNode,
      String hash,
      boolean observed,
      Instant now) {
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    int minReady = minReadySeconds(ds);
    var generation = DaemonPods.templateGeneration(ds);
    for (Node node : nodes) {
      List<Pod> pods = podsByNode.getOrDefault(node.getMetadata().getName(), List.of());
      if (!placement.on(node).shouldRun()) {
        if (!pods.isEmpty()) {
          misscheduled++;
        }
        continue;
      }
      desired++;
      if (pods.isEmpty()) {
        continue;
      }
      current++;
      Pod pod = pods.stream().min(DaemonPods.OLDEST_FIRST).orElseThrow();
      if (Pods.ready(pod)) {
        ready++;
        if (Pods.available(pod, minReady, now)) {
          available++;
        }
      }
      if (DaemonPods.isUpdated(pod, hash, generation)) {
        updated++;
      }
    }
    DaemonSetStatus old = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    DaemonSetStatus s = new DaemonSetStatus();
    s.setDesiredNumberScheduled(desired);
    s.setCurrentNumberScheduled(current);
    s.setNumberMisscheduled(misscheduled);
    s.setNumberReady(ready);
    s.setNumberAvailable(available);
    s.setNumberUnavailable(desired - available);
    s.setUpdatedNumberScheduled(updated);
    s.setObservedGeneration(observed ? ds.getMetadata().getGeneration() : old.getObservedGeneration());
    s.setCollisionCount(old.getCollisionCount());
    s.setConditions(old.getConditions());
    return s;
  }

  /** Whether writing {@code next} would change anything; absent counts read as 0. */
  static boolean changed(DaemonSetStatus old, DaemonSetStatus next) {
    DaemonSetStatus o = old == null ? new DaemonSetStatus() : old;
    return n(o.getDesiredNumberScheduled()) != n(next.getDesiredNumberScheduled())
        || n(o.getCurrentNumberScheduled()) != n(next.getCurrentNumberScheduled())
        || n(o.getNumberMisscheduled()) != n(next.getNumberMisscheduled())
        || n(o.getNumberReady()) != n(next.getNumberReady())
        || n(o.getNumberAvailable()) != n(next.getNumberAvailable())
        || n(o.getNumberUnavailable()) != n(next.getNumberUnavailable())
        || n(o.getUpdatedNumberScheduled()) != n(next.getUpdatedNumberScheduled())
        || !Objects.equals(o.getObservedGeneration(), next.getObservedGeneration());
  }

  static int minReadySeconds(DaemonSet ds) {
    return ds.getSpec().getMinReadySeconds() == null ? 0 : ds.getSpec().getMinReadySeconds();
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
