package io.vessel.server.controller.replicaset;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.server.controller.Pods;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which surplus pods go first, in upstream's order: unscheduled before scheduled, pending before
 * unknown before running, not ready before ready, ready more recently before ready longer, more
 * restarts before fewer, newer before older.
 */
final class PodDeletionOrder {
  private PodDeletionOrder() {}

  static final Comparator<Pod> FIRST_TO_DELETE =
      Comparator.<Pod>comparingInt(p -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty() ? 0 : 1)
          .thenComparingInt(PodDeletionOrder::phaseRank)
          .thenComparingInt(p -> Pods.ready(p) ? 1 : 0)
          .thenComparing(p -> Pods.readySince(p).orElse(Instant.MAX), Comparator.reverseOrder())
          .thenComparing(PodDeletionOrder::restarts, Comparator.reverseOrder())
          .thenComparing(PodDeletionOrder::created, Comparator.reverseOrder());

  private static int phaseRank(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    if (phase == null || "Pending".equals(phase)) {
      return 0;
    }
    return "Unknown".equals(phase) ? 1 : 2;
  }

  private static int restarts(Pod p) {
    List<ContainerStatus> statuses = p.getStatus() == null ? null : p.getStatus().getContainerStatuses();
    return statuses == null ? 0 : statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).max().orElse(0);
  }

  private static String created(Pod p) {
    String t = p.getMetadata().getCreationTimestamp();
    return t == null ? "" : t;
  }
}
