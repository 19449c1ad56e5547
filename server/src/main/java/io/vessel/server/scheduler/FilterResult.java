package io.vessel.server.scheduler;

import java.util.List;

/**
 * Why a node does not fit a pod, in upstream's words, and whether preemption could change that:
 * {@code unresolvable} is upstream's UnschedulableAndUnresolvable (removing pods from the node
 * would not help), otherwise it is Unschedulable.
 */
record FilterResult(List<String> reasons, boolean unresolvable) {
  static final FilterResult FITS = new FilterResult(List.of(), false);

  static FilterResult unresolvable(String reason) {
    return new FilterResult(List.of(reason), true);
  }

  static FilterResult unschedulable(String reason) {
    return new FilterResult(List.of(reason), false);
  }

  boolean fits() {
    return reasons.isEmpty();
  }
}
