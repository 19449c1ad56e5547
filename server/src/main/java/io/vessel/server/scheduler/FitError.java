package io.vessel.server.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message of a pod no node fits, in kube-scheduler 1.33's form (FitError.Error): {@code 0/N
 * nodes are available: } and the reasons counted per node, sorted as strings, then what
 * preemption (the PostFilter) found: {@code preemption: 0/N nodes are available: } with, per node,
 * "Preemption is not helpful for scheduling" where removing pods cannot help (unresolvable
 * reasons), "No preemption victims found for incoming pod" where no pod of lower priority runs, or
 * the reasons that remain once they are gone.
 *
 * <p>Vessel does not preempt yet: when evicting lower-priority pods would make room, the message
 * has no preemption part (as upstream's has none when it preempts) and the pod waits.
 */
final class FitError {
  static final String NO_NODES = "no nodes available to schedule pods";
  static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
  static final String NO_VICTIMS = "No preemption victims found for incoming pod";

  private FitError() {}

  static String message(PodInfo pod, List<NodeInfo> nodes, Map<String, FilterResult> failures) {
    if (nodes.isEmpty()) {
      return NO_NODES;
    }
    Map<String, Integer> reasons = new HashMap<>();
    for (FilterResult r : failures.values()) {
      r.reasons().forEach(reason -> reasons.merge(reason, 1, Integer::sum));
    }
    String message = available(nodes.size(), reasons);
    String preemption = preemption(pod, nodes, failures);
    return preemption.isEmpty() ? message : message + " " + preemption;
  }

  private static String preemption(
      PodInfo pod, List<NodeInfo> nodes, Map<String, FilterResult> failures) {
    if ("Never".equals(pod.pod().getSpec().getPreemptionPolicy())) {
      return "preemption: not eligible due to preemptionPolicy=Never.";
    }
    Map<String, Integer> reasons = new HashMap<>();
    for (NodeInfo node : nodes) {
      FilterResult failure = failures.get(node.name());
      if (failure == null || failure.unresolvable()) {
        reasons.merge(NOT_HELPFUL, 1, Integer::sum);
        continue;
      }
      List<PodInfo> remaining = new ArrayList<>();
      boolean victims = false;
      for (PodInfo placed : node.pods()) {
        if (placed.priority() < pod.priority()) {
          victims = true;
        } else {
          remaining.add(placed);
        }
      }
      if (!victims) {
        reasons.merge(NO_VICTIMS, 1, Integer::sum);
        continue;
      }
      FilterResult without =
          NodeFilters.filter(pod, NodeInfo.of(node.node(), remaining.toArray(PodInfo[]::new)));
      if (without.fits()) {
        return ""; // upstream would preempt here; Vessel does not yet
      }
      without.reasons().forEach(reason -> reasons.merge(reason, 1, Integer::sum));
    }
    return "preemption: " + available(nodes.size(), reasons);
  }

  private static String available(int nodes, Map<String, Integer> reasons) {
    List<String> counted = new ArrayList<>();
    reasons.forEach((reason, n) -> counted.add(n + " " + reason));
    counted.sort(null);
    return "0/" + nodes + " nodes are available: " + String.join(", ", counted) + ".";
  }
}
