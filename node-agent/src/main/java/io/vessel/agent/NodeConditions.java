package io.vessel.agent;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.vessel.cri.v1.RuntimeCondition;
import io.vessel.cri.v1.RuntimeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Node's conditions from the runtime's Status, with the kubelet's reasons and messages.
 * Pressure conditions are always False: nothing measures pressure yet.
 */
final class NodeConditions {
  private NodeConditions() {}

  /**
   * Builds the four conditions; a condition whose status is unchanged from {@code previous} keeps
   * its lastTransitionTime.
   */
  static List<NodeCondition> of(RuntimeStatus runtime, List<NodeCondition> previous, Instant now) {
    var conditions = new ArrayList<NodeCondition>();
    conditions.add(
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available", previous, now));
    conditions.add(
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure", previous, now));
    conditions.add(
        condition("PIDPressure", "False", "KubeletHasSufficientPID",
            "kubelet has sufficient PID available", previous, now));
    String notReady = notReadyMessage(runtime);
    conditions.add(
        notReady == null
            ? condition("Ready", "True", "KubeletReady", "kubelet is posting ready status",
                previous, now)
            : condition("Ready", "False", "KubeletNotReady", notReady, previous, now));
    return conditions;
  }

  /** True when every condition but the heartbeat time is as in {@code previous}. */
  static boolean sameIgnoringHeartbeat(List<NodeCondition> a, List<NodeCondition> b) {
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      var x = a.get(i);
      var y = b.get(i);
      if (!Objects.equals(x.getType(), y.getType())
          || !Objects.equals(x.getStatus(), y.getStatus())
          || !Objects.equals(x.getReason(), y.getReason())
          || !Objects.equals(x.getMessage(), y.getMessage())) {
        return false;
      }
    }
    return true;
  }

  private static String notReadyMessage(RuntimeStatus runtime) {
    var problems = new ArrayList<String>();
    for (String type : List.of("RuntimeReady", "NetworkReady")) {
      RuntimeCondition c =
          runtime.getConditionsList().stream()
              .filter(x -> type.equals(x.getType()))
              .findFirst()
              .orElse(null);
      if (c == null || !c.getStatus()) {
        problems.add(
            type + "=false reason:" + (c == null ? "Missing" : c.getReason()) + " message:"
                + (c == null ? "the runtime does not report it" : c.getMessage()));
      }
    }
    return problems.isEmpty() ? null : "container runtime not ready: " + String.join(", ", problems);
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message, List<NodeCondition> previous,
      Instant now) {
    String transition = KubeTime.time(now);
    if (previous != null) {
      for (NodeCondition p : previous) {
        if (type.equals(p.getType()) && status.equals(p.getStatus())
            && p.getLastTransitionTime() != null) {
          transition = p.getLastTransitionTime();
        }
      }
    }
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(KubeTime.time(now))
        .withLastTransitionTime(transition)
        .build();
  }
}
