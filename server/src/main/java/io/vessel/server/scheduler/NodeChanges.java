package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a node update can make an unschedulable pod fit, as upstream's queueing hints judge it:
 * labels, taints, {@code spec.unschedulable}, allocatable, or the status of a condition. Heartbeats
 * (condition times) do not count, or every node agent's status report would wake every pending pod.
 */
final class NodeChanges {
  private NodeChanges() {}

  static boolean matter(Node old, Node current) {
    return !Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels())
        || !Objects.equals(taints(old), taints(current))
        || !Objects.equals(unschedulable(old), unschedulable(current))
        || !Objects.equals(allocatable(old), allocatable(current))
        || !conditionStatuses(old).equals(conditionStatuses(current));
  }

  private static Object taints(Node n) {
    return n.getSpec() == null ? null : n.getSpec().getTaints();
  }

  private static Boolean unschedulable(Node n) {
    return n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
  }

  private static Object allocatable(Node n) {
    return n.getStatus() == null ? null : n.getStatus().getAllocatable();
  }

  private static Map<String, String> conditionStatuses(Node n) {
    Map<String, String> out = new HashMap<>();
    if (n.getStatus() != null && n.getStatus().getConditions() != null) {
      for (NodeCondition c : n.getStatus().getConditions()) {
        out.put(c.getType(), c.getStatus());
      }
    }
    return out;
  }
}
