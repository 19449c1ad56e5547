package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.vessel.server.controller.Pods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which old-revision pods a RollingUpdate deletes now (upstream's rollingUpdate without surge).
 * The sync that follows creates the new pod on each emptied node. A node counts as unavailable
 * when its pod is new but not yet available, when it has no pod (or one old and one new, or
 * several of a kind: the node sync sorts those out first), and when its old pod is not available.
 * Old pods that are not available are replaced at once, as they cost no availability; available
 * old pods are replaced only while fewer than maxUnavailable nodes are unavailable. Nodes are
 * taken in name order, so the rollout walks the nodes the same way every sync.
 *
 * <p>maxSurge above zero (a new pod started beside the old one before it goes) is not
 * implemented: such a DaemonSet is rolled as if maxSurge were 0, with at least one node
 * unavailable at a time, and a MaxSurgeNotSupported Warning event says so.
 */
final class RollingUpdate {
  private RollingUpdate() {}

  /** What a sync needs to know of the DaemonSet's pods and revision. */
  record Input(
      Set<String> desiredNodes,
      Map<String, List<Pod>> podsByNode,
      String hash,
      Optional<Long> templateGeneration,
      int maxUnavailable,
      int minReadySeconds,
      Instant now) {}

  static List<Pod> podsToReplace(Input in) {
    Map<String, List<Pod>> nodes = new TreeMap<>(in.podsByNode());
    for (String n : in.desiredNodes()) {
      nodes.putIfAbsent(n, List.of());
    }
    int unavailable = 0;
    List<Pod> replaceNow = new ArrayList<>();
    List<Pod> candidates = new ArrayList<>();
    for (List<Pod> pods : nodes.values()) {
      Pod newPod = null;
      Pod oldPod = null;
      boolean several = false;
      for (Pod p : pods) {
        if (DaemonPods.deleting(p)) {
          continue;
        }
        if (DaemonPods.isUpdated(p, in.hash(), in.templateGeneration())) {
          several |= newPod != null;
          newPod = p;
        } else {
          several |= oldPod != null;
          oldPod = p;
        }
      }
      if (several || (newPod == null) == (oldPod == null)) {
        unavailable++;
      } else if (newPod != null) {
        if (!Pods.available(newPod, in.minReadySeconds(), in.now())) {
          unavailable++;
        }
      } else if (!Pods.available(oldPod, in.minReadySeconds(), in.now())) {
        replaceNow.add(oldPod);
        unavailable++;
      } else if (unavailable < in.maxUnavailable()) {
        candidates.add(oldPod);
      }
    }
    int budget = Math.max(0, Math.min(in.maxUnavailable() - unavailable, candidates.size()));
    replaceNow.addAll(candidates.subList(0, budget));
    return replaceNow;
  }

  /**
   * maxUnavailable as a count of the {@code desired} nodes, a percentage rounding up as upstream
   * does. Upstream makes it 1 when it and maxSurge both come to 0, as a rollout could never start;
   * without surge support here, a surge-only setting (maxUnavailable 0) gets 1 as well.
   */
  static int maxUnavailable(DaemonSet ds, int desired) {
    RollingUpdateDaemonSet rolling =
        ds.getSpec().getUpdateStrategy() == null ? null : ds.getSpec().getUpdateStrategy().getRollingUpdate();
    int unavailable = scaled(rolling == null ? null : rolling.getMaxUnavailable(), desired, 1);
    return desired > 0 && unavailable == 0 ? 1 : unavailable;
  }

  /** Whether the DaemonSet asks for a surge this controller does not do. */
  static boolean surgeRequested(DaemonSet ds) {
    RollingUpdateDaemonSet rolling =
        ds.getSpec().getUpdateStrategy() == null ? null : ds.getSpec().getUpdateStrategy().getRollingUpdate();
    IntOrString surge = rolling == null ? null : rolling.getMaxSurge();
    // Any positive count, or any percentage above 0%, surges on some cluster size.
    return surge != null && scaled(surge, 100, 0) > 0;
  }

  static int scaled(IntOrString v, int total, int absent) {
    if (v == null) {
      return absent;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s != null && s.endsWith("%")) {
      int percent = Integer.parseInt(s.substring(0, s.length() - 1));
      return (int) Math.ceil(total * percent / 100.0);
    }
    return s == null || s.isEmpty() ? absent : Integer.parseInt(s);
  }
}
