package io.vessel.server.controller.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;

/** The arithmetic of a rolling update, upstream's rules, free of any API object. */
final class RolloutMath {
  private RolloutMath() {}

  /** maxSurge rounds up and maxUnavailable down; both zero would stall, so unavailable becomes 1. */
  static int[] surgeAndUnavailable(IntOrString surge, IntOrString unavailable, int replicas) {
    int s = resolve(surge, replicas, true);
    int u = resolve(unavailable, replicas, false);
    if (s == 0 && u == 0) {
      u = 1;
    }
    return new int[] {s, Math.min(u, replicas)};
  }

  /** An absolute count or a percentage of {@code total}; absent means upstream's default 25%. */
  static int resolve(IntOrString v, int total, boolean roundUp) {
    if (v == null) {
      return roundUp ? (int) Math.ceil(total * 0.25) : (int) Math.floor(total * 0.25);
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s != null && s.endsWith("%")) {
      double pct = Integer.parseInt(s.substring(0, s.length() - 1)) / 100.0;
      double raw = total * pct;
      return roundUp ? (int) Math.ceil(raw - 1e-9) : (int) Math.floor(raw + 1e-9);
    }
    return s == null ? 0 : Integer.parseInt(s);
  }

  /**
   * The new ReplicaSet's next size: up to the desired count, never letting all ReplicaSets
   * together exceed desired + maxSurge.
   */
  static int newReplicas(int desired, int maxSurge, int allReplicas, int newCurrent) {
    if (newCurrent >= desired) {
      return desired;
    }
    int maxTotal = desired + maxSurge;
    if (allReplicas >= maxTotal) {
      return newCurrent;
    }
    return newCurrent + Math.min(maxTotal - allReplicas, desired - newCurrent);
  }

  /**
   * How many old pods may go now without available pods falling under desired - maxUnavailable,
   * counting the new ReplicaSet's not-yet-available pods as already unavailable.
   */
  static int oldScaleDownBudget(
      int desired, int maxUnavailable, int allReplicas, int newReplicas, int newAvailable) {
    int minAvailable = desired - maxUnavailable;
    int newUnavailable = newReplicas - newAvailable;
    return Math.max(0, allReplicas - minAvailable - newUnavailable);
  }
}
