package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tolerations every daemon pod gets, as upstream's AddOrUpdateDaemonPodTolerations: a daemon
 * runs on its node through node trouble, so it is never evicted for not-ready or unreachable
 * (NoExecute with no tolerationSeconds) and it ignores the condition taints of
 * TaintNodesByCondition (NoSchedule). network-unavailable is tolerated only by hostNetwork pods,
 * which need no pod network.
 */
final class DaemonTolerations {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
  static final String MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
  static final String PID_PRESSURE = "node.kubernetes.io/pid-pressure";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

  private DaemonTolerations() {}

  /** Adds the defaults to {@code spec}, replacing a toleration of the same key, operator, value and effect. */
  static void addTo(PodSpec spec) {
    addOrUpdate(spec, exists(NOT_READY, "NoExecute"));
    addOrUpdate(spec, exists(UNREACHABLE, "NoExecute"));
    addOrUpdate(spec, exists(DISK_PRESSURE, "NoSchedule"));
    addOrUpdate(spec, exists(MEMORY_PRESSURE, "NoSchedule"));
    addOrUpdate(spec, exists(PID_PRESSURE, "NoSchedule"));
    addOrUpdate(spec, exists(UNSCHEDULABLE, "NoSchedule"));
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      addOrUpdate(spec, exists(NETWORK_UNAVAILABLE, "NoSchedule"));
    }
  }

  private static Toleration exists(String key, String effect) {
    Toleration t = new Toleration();
    t.setKey(key);
    t.setOperator("Exists");
    t.setEffect(effect);
    return t;
  }

  /**
   * Upstream's AddOrUpdateTolerationInPodSpec: a toleration that matches on everything but
   * tolerationSeconds is replaced (so a user's 300 s not-ready toleration becomes unlimited).
   */
  private static void addOrUpdate(PodSpec spec, Toleration wanted) {
    List<Toleration> out = new ArrayList<>();
    boolean replaced = false;
    for (Toleration t : spec.getTolerations() == null ? List.<Toleration>of() : spec.getTolerations()) {
      if (sameMatch(t, wanted)) {
        if (!replaced) {
          out.add(wanted);
        }
        replaced = true;
      } else {
        out.add(t);
      }
    }
    if (!replaced) {
      out.add(wanted);
    }
    spec.setTolerations(out);
  }

  private static boolean sameMatch(Toleration a, Toleration b) {
    return Objects.equals(a.getKey(), b.getKey())
        && Objects.equals(a.getEffect(), b.getEffect())
        && Objects.equals(a.getOperator(), b.getOperator())
        && Objects.equals(empty(a.getValue()), empty(b.getValue()));
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }
}
