package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's account of every node: the pods the informer shows bound to it, plus the pods
 * this scheduler has assumed onto it and is binding. An assumed pod counts against its node from
 * the moment it is chosen until the informer shows it bound (or it is deleted, or its binding
 * fails and it is forgotten), so a node is never double-booked while the informer lags behind the
 * bindings, as upstream's scheduler cache assumes pods.
 *
 * <p>Threading: fed by the informers' event loops and read by the scheduling workers; every
 * method holds the cache's lock, and a scheduling decision holds it from the choice of a node to
 * the assumption of the pod ({@link #placeWith}).
 */
final class AssumeCache {
  private record Placement(String node, boolean assumed) {}

  private final Map<String, NodeInfo> nodes = new HashMap<>();
  private final Map<String, Placement> placements = new HashMap<>();

  /** Chooses a node for a pod and, if one fits, assumes the pod onto it, in one critical section. */
  interface Chooser {
    ScheduleResult choose(List<NodeInfo> nodes);
  }

  synchronized ScheduleResult placeWith(PodInfo pod, Chooser chooser) {
    List<NodeInfo> known = new ArrayList<>();
    for (NodeInfo n : nodes.values()) {
      if (n.node() != null) {
        known.add(n);
      }
    }
    ScheduleResult result = chooser.choose(known);
    if (result.fits()) {
      place(pod, result.node(), true);
    }
    return result;
  }

  synchronized void setNode(Node node) {
    nodes.computeIfAbsent(node.getMetadata().getName(), NodeInfo::new).setNode(node);
  }

  synchronized void removeNode(String name) {
    NodeInfo info = nodes.get(name);
    if (info != null) {
      info.setNode(null);
      if (info.isEmpty()) {
        nodes.remove(name);
      }
    }
  }

  /**
   * The informer's view of a pod: bound and not finished, it counts on its node; finished, it
   * counts nowhere; not bound yet, an assumption made for it stands (its binding is in flight).
   */
  synchronized void updatePod(Pod pod) {
    PodInfo info = PodInfo.of(pod);
    String node = info.nodeName();
    boolean bound = node != null && !node.isEmpty();
    if (bound && !terminal(pod)) {
      place(info, node, false);
      return;
    }
    Placement current = placements.get(info.uid());
    if (current != null && (!current.assumed() || terminal(pod))) {
      unplace(info.uid());
    }
  }

  synchronized void removePod(String uid) {
    unplace(uid);
  }

  /** Drops an assumption whose binding failed; a bound placement stays. */
  synchronized void forget(String uid) {
    Placement p = placements.get(uid);
    if (p != null && p.assumed()) {
      unplace(uid);
    }
  }

  /** Whether the pod is counted on a node, assumed or bound. */
  synchronized boolean placed(String uid) {
    return placements.containsKey(uid);
  }

  /** The account of one node (live: read it only while nothing else feeds the cache). */
  synchronized NodeInfo node(String name) {
    return nodes.get(name);
  }

  private void place(PodInfo pod, String node, boolean assumed) {
    unplace(pod.uid());
    nodes.computeIfAbsent(node, NodeInfo::new).add(pod);
    placements.put(pod.uid(), new Placement(node, assumed));
  }

  private void unplace(String uid) {
    Placement old = placements.remove(uid);
    if (old == null) {
      return;
    }
    NodeInfo info = nodes.get(old.node());
    if (info != null) {
      info.remove(uid);
      if (info.isEmpty()) {
        nodes.remove(old.node());
      }
    }
  }

  static boolean terminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
