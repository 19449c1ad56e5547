package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * kube-scheduler's default scores over the nodes that passed the filters, each normalized to
 * 0–100 and weighted as upstream's default profile weighs them: TaintToleration ×3 (fewer
 * untolerated PreferNoSchedule taints), NodeAffinity ×2 (preferred terms' weights), NodeResourcesFit
 * ×1 (LeastAllocated on cpu and memory with the non-zero defaults), NodeResourcesBalancedAllocation
 * ×1 (cpu and memory used in equal shares). Not scored: pod topology spread, inter-pod affinity,
 * image locality.
 */
final class NodeScorer {
  static final long MAX_SCORE = 100;
  static final int TAINT_WEIGHT = 3;
  static final int AFFINITY_WEIGHT = 2;
  static final int FIT_WEIGHT = 1;
  static final int BALANCED_WEIGHT = 1;

  private NodeScorer() {}

  /** The weighted total of every feasible node, in the order given. */
  static long[] score(PodInfo pod, List<NodeInfo> feasible) {
    int n = feasible.size();
    long[] taints = new long[n];
    long[] affinity = new long[n];
    long[] total = new long[n];
    List<Toleration> tolerations = PodInfo.list(pod.pod().getSpec().getTolerations());
    for (int i = 0; i < n; i++) {
      NodeInfo node = feasible.get(i);
      taints[i] = Taints.intolerablePreferNoSchedule(Taints.effective(node.node()), tolerations);
      affinity[i] = NodeSelectors.preferredWeight(pod.pod(), node.node());
      total[i] =
          FIT_WEIGHT * leastAllocated(pod, node) + BALANCED_WEIGHT * balancedAllocation(pod, node);
    }
    normalize(taints, true);
    normalize(affinity, false);
    for (int i = 0; i < n; i++) {
      total[i] += TAINT_WEIGHT * taints[i] + AFFINITY_WEIGHT * affinity[i];
    }
    return total;
  }

  /**
   * Upstream's DefaultNormalizeScore: scales to 0–100 by the largest score; {@code reverse}
   * turns a count of bad things into a score (all 100 when none has any).
   */
  static void normalize(long[] scores, boolean reverse) {
    long max = 0;
    for (long s : scores) {
      max = Math.max(max, s);
    }
    for (int i = 0; i < scores.length; i++) {
      if (max == 0) {
        scores[i] = reverse ? MAX_SCORE : 0;
      } else {
        long scaled = MAX_SCORE * scores[i] / max;
        scores[i] = reverse ? MAX_SCORE - scaled : scaled;
      }
    }
  }

  /** The mean over cpu and memory of the free share left after placing the pod. */
  static long leastAllocated(PodInfo pod, NodeInfo node) {
    ResourceAmounts alloc = node.allocatable();
    ResourceAmounts requested = node.nonZeroRequested().plus(pod.nonZeroRequests());
    long sum = 0;
    int weights = 0;
    if (alloc.milliCpu() > 0) {
      sum += leastRequested(requested.milliCpu(), alloc.milliCpu());
      weights++;
    }
    if (alloc.memory() > 0) {
      sum += leastRequested(requested.memory(), alloc.memory());
      weights++;
    }
    return weights == 0 ? 0 : sum / weights;
  }

  private static long leastRequested(long requested, long capacity) {
    if (requested > capacity) {
      return 0;
    }
    return (capacity - requested) * MAX_SCORE / capacity;
  }

  /** 100 × (1 − the standard deviation of the cpu and memory fractions used with the pod). */
  static long balancedAllocation(PodInfo pod, NodeInfo node) {
    ResourceAmounts alloc = node.allocatable();
    ResourceAmounts requested = node.requested().plus(pod.requests());
    double[] fractions = new double[2];
    int count = 0;
    if (alloc.milliCpu() > 0) {
      fractions[count++] = Math.min(1.0, (double) requested.milliCpu() / alloc.milliCpu());
    }
    if (alloc.memory() > 0) {
      fractions[count++] = Math.min(1.0, (double) requested.memory() / alloc.memory());
    }
    double std = count == 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
    return (long) ((1 - std) * MAX_SCORE);
  }
}
