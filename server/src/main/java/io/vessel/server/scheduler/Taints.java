package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Taints and tolerations as upstream's scheduler reads them. A node's effective taints are its own
 * plus the one upstream's node lifecycle controller derives from its Ready condition
 * (TaintNodesByCondition): {@code node.kubernetes.io/not-ready:NoSchedule} while Ready is False
 * or absent, {@code node.kubernetes.io/unreachable:NoSchedule} while it is Unknown. Vessel has no
 * such controller yet, so the scheduler adds them itself: a node that is not Ready is refused with
 * the same reason kube-scheduler gives, unless the pod tolerates it (as DaemonSet pods do).
 */
public final class Taints {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  static final String NO_SCHEDULE = "NoSchedule";
  static final String NO_EXECUTE = "NoExecute";
  static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";

  private Taints() {}

  static List<Taint> effective(Node node) {
    List<Taint> taints =
        new ArrayList<>(
            node.getSpec() == null || node.getSpec().getTaints() == null
                ? List.of()
                : node.getSpec().getTaints());
    String ready = readyStatus(node);
    String conditionTaint =
        "True".equals(ready) ? null : "Unknown".equals(ready) ? UNREACHABLE : NOT_READY;
    if (conditionTaint != null
        && taints.stream()
            .noneMatch(t -> conditionTaint.equals(t.getKey()) && NO_SCHEDULE.equals(t.getEffect()))) {
      Taint derived = new Taint();
      derived.setKey(conditionTaint);
      derived.setEffect(NO_SCHEDULE);
      taints.add(derived);
    }
    return taints;
  }

  private static String readyStatus(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return null;
    }
    for (NodeCondition c : node.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return c.getStatus();
      }
    }
    return null;
  }

  /**
   * Upstream's Toleration.ToleratesTaint: an empty effect matches every effect, an empty key with
   * Exists matches every key, an empty operator means Equal.
   */
  public static boolean tolerates(Toleration t, Taint taint) {
    if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (t.getKey() != null && !t.getKey().isEmpty() && !t.getKey().equals(taint.getKey())) {
      return false;
    }
    String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
    return switch (op) {
      case "Equal" -> Objects.equals(empty(t.getValue()), empty(taint.getValue()));
      case "Exists" -> true;
      default -> false;
    };
  }

  static boolean tolerated(Taint taint, List<Toleration> tolerations) {
    for (Toleration t : tolerations) {
      if (tolerates(t, taint)) {
        return true;
      }
    }
    return false;
  }

  /** The first NoSchedule or NoExecute taint the pod does not tolerate, or null. */
  public static Taint firstUntolerated(List<Taint> taints, List<Toleration> tolerations) {
    for (Taint taint : taints) {
      boolean blocks = NO_SCHEDULE.equals(taint.getEffect()) || NO_EXECUTE.equals(taint.getEffect());
      if (blocks && !tolerated(taint, tolerations)) {
        return taint;
      }
    }
    return null;
  }

  /**
   * PreferNoSchedule taints the pod does not tolerate, counting only tolerations whose effect is
   * empty or PreferNoSchedule (upstream's TaintToleration score).
   */
  static int intolerablePreferNoSchedule(List<Taint> taints, List<Toleration> tolerations) {
    List<Toleration> preferring = new ArrayList<>();
    for (Toleration t : tolerations) {
      if (t.getEffect() == null || t.getEffect().isEmpty() || PREFER_NO_SCHEDULE.equals(t.getEffect())) {
        preferring.add(t);
      }
    }
    int count = 0;
    for (Taint taint : taints) {
      if (PREFER_NO_SCHEDULE.equals(taint.getEffect()) && !tolerated(taint, preferring)) {
        count++;
      }
    }
    return count;
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }
}
