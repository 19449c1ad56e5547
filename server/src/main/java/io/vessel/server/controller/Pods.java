package io.vessel.server.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Optional;

/** Facts about a pod that controllers count by. */
public final class Pods {
  private Pods() {}

  /** Neither finished nor being deleted: it counts toward replicas. */
  public static boolean active(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return !"Succeeded".equals(phase)
        && !"Failed".equals(phase)
        && p.getMetadata().getDeletionTimestamp() == null;
  }

  public static boolean ready(Pod p) {
    return readyCondition(p).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Ready for at least {@code minReadySeconds} at {@code now}. */
  public static boolean available(Pod p, int minReadySeconds, Instant now) {
    if (!ready(p)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    return readySince(p).map(t -> !t.plusSeconds(minReadySeconds).isAfter(now)).orElse(false);
  }

  public static Optional<Instant> readySince(Pod p) {
    return readyCondition(p)
        .map(PodCondition::getLastTransitionTime)
        .filter(t -> t != null && !t.isEmpty())
        .map(Instant::parse);
  }

  private static Optional<PodCondition> readyCondition(Pod p) {
    if (p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }
}
