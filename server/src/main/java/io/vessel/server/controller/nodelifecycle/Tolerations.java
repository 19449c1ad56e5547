package io.vessel.server.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.vessel.server.scheduler.Taints;
import java.util.List;
import java.util.Optional;

/** How long a pod may stay on a node with a NoExecute taint, by its tolerations. */
final class Tolerations {
  private Tolerations() {}

  /**
   * How long the pod may stay on a node with {@code taint}: empty when it is not tolerated at
   * all, {@code Long.MAX_VALUE} when tolerated for ever, else the shortest tolerationSeconds.
   */
  static Optional<Long> toleratedSeconds(List<Toleration> tolerations, Taint taint) {
    long best = -1;
    for (Toleration t : tolerations == null ? List.<Toleration>of() : tolerations) {
      if (!Taints.tolerates(t, taint)) {
        continue;
      }
      long seconds = t.getTolerationSeconds() == null ? Long.MAX_VALUE : Math.max(0, t.getTolerationSeconds());
      best = best < 0 ? seconds : Math.min(best, seconds);
    }
    return best < 0 ? Optional.empty() : Optional.of(best);
  }
}
