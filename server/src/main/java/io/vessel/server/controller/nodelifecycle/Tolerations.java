package io.vessel.server.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether a pod tolerates a taint, and for how long, by upstream's matching rules. */
final class Tolerations {
  private Tolerations() {}

  static boolean matches(Toleration t, Taint taint) {
    if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (t.getKey() == null || t.getKey().isEmpty()) {
      return "Exists".equals(t.getOperator()); // empty key with Exists tolerates every taint
    }
    if (!t.getKey().equals(taint.getKey())) {
      return false;
    }
    if ("Exists".equals(t.getOperator())) {
      return true;
    }
    return Objects.equals(emptyIfNull(t.getValue()), emptyIfNull(taint.getValue()));
  }

  /**
   * How long the pod may stay on a node with {@code taint}: empty when it is not tolerated at
   * all, {@code Long.MAX_VALUE} when tolerated for ever, else the shortest tolerationSeconds.
   */
  static Optional<Long> toleratedSeconds(List<Toleration> tolerations, Taint taint) {
    long best = -1;
    for (Toleration t : tolerations == null ? List.<Toleration>of() : tolerations) {
      if (!matches(t, taint)) {
        continue;
      }
      long seconds = t.getTolerationSeconds() == null ? Long.MAX_VALUE : Math.max(0, t.getTolerationSeconds());
      best = best < 0 ? seconds : Math.min(best, seconds);
    }
    return best < 0 ? Optional.empty() : Optional.of(best);
  }

  private static String emptyIfNull(String s) {
    return s == null ? "" : s;
  }
}
