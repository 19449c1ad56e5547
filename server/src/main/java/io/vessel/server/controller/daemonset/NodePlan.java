package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.server.controller.daemonset.NodePlacement.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which nodes need a daemon pod and which daemon pods must go (upstream's manage and
 * podsShouldBeOnNode): a pod is created on an eligible node that has none; every pod goes from a
 * node where it may not continue running; failed pods go (each node's replacements backed off);
 * succeeded pods go; of several running pods on one node all but the oldest go; pending pods
 * aimed at a node that no longer exists go. The new pods on emptied nodes come next sync.
 */
final class NodePlan {
  /** A failed pod being replaced, reported as a FailedDaemonPod event. */
  record FailedPod(Pod pod, String node) {}

  /** What to do; {@code retryAfter} is set when a failed pod waits out its back-off. */
  record Plan(List<String> nodesNeedingPods, List<Pod> podsToDelete, List<FailedPod> failed, Duration retryAfter) {}

  private NodePlan() {}

  /**
   * The DaemonSet's pods by the node they belong to (see {@link NodeNameAffinity#targetNode}),
   * leaving out pods that name no node and, unless {@code includeDeletedTerminal}, finished pods
   * already being deleted.
   */
  static Map<String, List<Pod>> byNode(List<Pod> pods, boolean includeDeletedTerminal) {
    Map<String, List<Pod>> out = new TreeMap<>();
    for (Pod p : pods) {
      if (!includeDeletedTerminal && DaemonPods.terminal(p) && DaemonPods.deleting(p)) {
        continue;
      }
      NodeNameAffinity.targetNode(p).ifPresent(n -> out.computeIfAbsent(n, k -> new ArrayList<>()).add(p));
    }
    return out;
  }

  static Plan plan(
      String dsKey,
      List<Node> nodes,
      Map<String, List<Pod>> podsByNode,
      NodePlacement placement,
      FailedPodBackoff backoff,
      Instant now) {
    List<String> needing = new ArrayList<>();
    List<Pod> delete = new ArrayList<>();
    List<FailedPod> failed = new ArrayList<>();
    Duration retry = null;
    Set<String> existing = new HashSet<>();
    for (Node node : nodes) {
      String name = node.getMetadata().getName();
      existing.add(name);
      Placement p = placement.on(node);
      List<Pod> pods = podsByNode.get(name);
      if (p.shouldRun() && pods == null) {
        needing.add(name);
      } else if (p.shouldContinueRunning() && pods != null) {
        List<Pod> running = new ArrayList<>();
        for (Pod pod : pods) {
          if (DaemonPods.deleting(pod)) {
            continue;
          }
          switch (DaemonPods.phase(pod)) {
            case "Failed" -> {
              String key = FailedPodBackoff.key(dsKey, name);
              Duration wait = backoff.remaining(key, now);
              if (!wait.isZero()) {
                retry = retry == null || wait.compareTo(retry) < 0 ? wait : retry;
                continue;
              }
              backoff.next(key, now);
              failed.add(new FailedPod(pod, name));
              delete.add(pod);
            }
            case "Succeeded" -> delete.add(pod);
            default -> running.add(pod);
          }
        }
        // Without surge a node keeps one pod: the oldest, which is the one most likely serving.
        running.sort(DaemonPods.OLDEST_FIRST);
        delete.addAll(running.subList(Math.min(1, running.size()), running.size()));
      } else if (!p.shouldContinueRunning() && pods != null) {
        pods.stream().filter(pod -> !DaemonPods.deleting(pod)).forEach(delete::add);
      }
    }
    // A pending pod aimed at a deleted node would never be bound, and pod GC only collects bound ones.
    for (Map.Entry<String, List<Pod>> e : podsByNode.entrySet()) {
      if (existing.contains(e.getKey())) {
        continue;
      }
      for (Pod pod : e.getValue()) {
        String bound = pod.getSpec().getNodeName();
        if ((bound == null || bound.isEmpty()) && !DaemonPods.deleting(pod)) {
          delete.add(pod);
        }
      }
    }
    return new Plan(needing, delete, failed, retry);
  }
}
