package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-scheduler's default filters, in its order, stopping at the first that refuses the node as
 * the framework does: NodeUnschedulable, TaintToleration (the node's taints and those its Ready
 * condition implies, see {@link Taints}), NodeAffinity (nodeSelector and required node affinity),
 * NodePorts, NodeResourcesFit. The reasons are upstream's texts, which the FailedScheduling
 * message counts. Not implemented: volume filters, pod topology spread, inter-pod affinity.
 */
final class NodeFilters {
  static final String UNSCHEDULABLE = "node(s) were unschedulable";
  static final String AFFINITY = "node(s) didn't match Pod's node affinity/selector";
  static final String PORTS = "node(s) didn't have free ports for the requested pod ports";
  static final String TOO_MANY_PODS = "Too many pods";

  private NodeFilters() {}

  static FilterResult filter(PodInfo pod, NodeInfo node) {
    Node n = node.node();
    Pod p = pod.pod();
    List<Toleration> tolerations = PodInfo.list(p.getSpec().getTolerations());
    if (n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable())) {
      Taint cordon = new Taint();
      cordon.setKey(Taints.UNSCHEDULABLE);
      cordon.setEffect(Taints.NO_SCHEDULE);
      if (!Taints.tolerated(cordon, tolerations)) {
        return FilterResult.unresolvable(UNSCHEDULABLE);
      }
    }
    Taint taint = Taints.firstUntolerated(Taints.effective(n), tolerations);
    if (taint != null) {
      return FilterResult.unresolvable(
          "node(s) had untolerated taint {"
              + taint.getKey()
              + ": "
              + (taint.getValue() == null ? "" : taint.getValue())
              + "}");
    }
    if (!NodeSelectors.podFits(p, n)) {
      return FilterResult.unresolvable(AFFINITY);
    }
    if (portsConflict(pod, node)) {
      return FilterResult.unschedulable(PORTS);
    }
    return fits(pod, node);
  }

  private static boolean portsConflict(PodInfo pod, NodeInfo node) {
    if (pod.hostPorts().isEmpty()) {
      return false;
    }
    List<PodInfo.HostPort> used = node.usedPorts();
    for (PodInfo.HostPort wanted : pod.hostPorts()) {
      for (PodInfo.HostPort taken : used) {
        if (wanted.conflicts(taken)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * NodeResourcesFit: the pod count, then each resource the pod requests against what is left of
   * the node's allocatable. A request larger than the whole allocatable is unresolvable.
   */
  static FilterResult fits(PodInfo pod, NodeInfo node) {
    List<String> reasons = new ArrayList<>();
    boolean unresolvable = false;
    if (node.podCount() + 1 > node.allowedPods()) {
      reasons.add(TOO_MANY_PODS);
    }
    ResourceAmounts want = pod.requests();
    ResourceAmounts alloc = node.allocatable();
    ResourceAmounts used = node.requested();
    if (want.milliCpu() > 0 && want.milliCpu() > alloc.milliCpu() - used.milliCpu()) {
      reasons.add("Insufficient cpu");
      unresolvable |= want.milliCpu() > alloc.milliCpu();
    }
    if (want.memory() > 0 && want.memory() > alloc.memory() - used.memory()) {
      reasons.add("Insufficient memory");
      unresolvable |= want.memory() > alloc.memory();
    }
    if (want.ephemeralStorage() > 0
        && want.ephemeralStorage() > alloc.ephemeralStorage() - used.ephemeralStorage()) {
      reasons.add("Insufficient ephemeral-storage");
      unresolvable |= want.ephemeralStorage() > alloc.ephemeralStorage();
    }
    Map<String, Long> scalar = new TreeMap<>(want.scalar());
    for (Map.Entry<String, Long> e : scalar.entrySet()) {
      long q = e.getValue();
      if (q > 0 && q > alloc.scalar(e.getKey()) - used.scalar(e.getKey())) {
        reasons.add("Insufficient " + e.getKey());
        unresolvable |= q > alloc.scalar(e.getKey());
      }
    }
    return reasons.isEmpty() ? FilterResult.FITS : new FilterResult(reasons, unresolvable);
  }
}
