package io.vessel.server.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One pod against every node, as kube-scheduler's schedulePod: filter, then score the nodes that
 * are left and take the best, breaking ties at random (reservoir sampling, as upstream's
 * selectHost). Pure: the caller holds the {@link AssumeCache} lock so that the counts do not move.
 */
final class SchedulingCycle {
  private SchedulingCycle() {}

  static ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes, RandomGenerator random) {
    List<NodeInfo> feasible = new ArrayList<>();
    Map<String, FilterResult> failures = new LinkedHashMap<>();
    for (NodeInfo node : nodes) {
      FilterResult r = NodeFilters.filter(pod, node);
      if (r.fits()) {
        feasible.add(node);
      } else {
        failures.put(node.name(), r);
      }
    }
    if (feasible.isEmpty()) {
      return ScheduleResult.unschedulable(FitError.message(pod, nodes, failures));
    }
    if (feasible.size() == 1) {
      return ScheduleResult.on(feasible.get(0).name());
    }
    long[] scores = NodeScorer.score(pod, feasible);
    int best = 0;
    int ties = 1;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
        ties = 1;
      } else if (scores[i] == scores[best]) {
        ties++;
        if (random.nextInt(ties) == 0) {
          best = i;
        }
      }
    }
    return ScheduleResult.on(feasible.get(best).name());
  }
}
