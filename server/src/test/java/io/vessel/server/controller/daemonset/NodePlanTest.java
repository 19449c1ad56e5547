package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.NOW;
import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static io.vessel.server.controller.daemonset.DaemonFixtures.node;
import static io.vessel.server.controller.daemonset.DaemonFixtures.pod;
import static io.vessel.server.controller.daemonset.DaemonFixtures.taint;
import static io.vessel.server.controller.daemonset.DaemonFixtures.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.controller.daemonset.NodePlan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodePlanTest {
  private final FailedPodBackoff backoff = new FailedPodBackoff();

  private Plan plan(DaemonSet ds, List<Node> nodes, List<Pod> pods) {
    return NodePlan.plan("ns/agent", nodes, NodePlan.byNode(pods, false), NodePlacement.of(ds), backoff, NOW);
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  @DisplayName("plan, eligible nodes without pods, a pod for each; ineligible nodes none")
  void createsWhereMissing() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("role", "worker"));
    var worker = Map.of("role", "worker");

    Plan plan = plan(ds,
        List.of(node("a", worker), node("b", worker), node("c", Map.of("role", "infra"))),
        List.of(pod("pa", "a", true, "h", 10, true)));

    assertThat(plan.nodesNeedingPods()).containsExactly("b");
    assertThat(plan.podsToDelete()).isEmpty();
  }

  @Test
  @DisplayName("plan, node no longer matches or taints NoExecute, its pods go; NoSchedule keeps them")
  void deletesFromIneligibleNodes() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("role", "worker"));
    var worker = Map.of("role", "worker");

    Plan plan = plan(ds,
        List.of(node("relabelled", Map.of("role", "infra")),
            node("evicting", worker, taint("dedicated", "NoExecute")),
            node("cordoned", worker, taint("dedicated", "NoSchedule"))),
        List.of(pod("p1", "relabelled", true, "h", 10, true),
            pod("p2", "evicting", true, "h", 10, true),
            pod("p3", "cordoned", true, "h", 10, true)));

    assertThat(names(plan.podsToDelete())).containsExactlyInAnyOrder("p1", "p2");
    assertThat(plan.nodesNeedingPods()).isEmpty();
  }

  @Test
  @DisplayName("plan, several running pods on a node, all but the oldest bound one go")
  void duplicatesKeepOldest() {
    Plan plan = plan(daemonSet(), List.of(node("a")),
        List.of(pod("young", "a", true, "h", 5, true),
            pod("pending-old", "a", false, "h", 50, false),
            pod("old", "a", true, "h", 20, true)));

    assertThat(names(plan.podsToDelete())).containsExactlyInAnyOrder("young", "pending-old");
  }

  @Test
  @DisplayName("plan, failed pod, deleted with an event; the next failure on that node waits its back-off")
  void failedPodsBackedOff() {
    Plan first = plan(daemonSet(), List.of(node("a")), List.of(withPhase(pod("f1", "a", true, "h", 10, false), "Failed")));

    assertThat(names(first.podsToDelete())).containsExactly("f1");
    assertThat(first.failed()).singleElement().satisfies(f -> assertThat(f.node()).isEqualTo("a"));
    assertThat(first.nodesNeedingPods()).as("the replacement comes next sync").isEmpty();
    assertThat(first.retryAfter()).isNull();

    Plan second = plan(daemonSet(), List.of(node("a")), List.of(withPhase(pod("f2", "a", true, "h", 1, false), "Failed")));

    assertThat(second.podsToDelete()).isEmpty();
    assertThat(second.failed()).isEmpty();
    assertThat(second.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("plan, succeeded pod, deleted without a FailedDaemonPod event")
  void succeededPodsGo() {
    Plan plan = plan(daemonSet(), List.of(node("a")), List.of(withPhase(pod("done", "a", true, "h", 10, false), "Succeeded")));

    assertThat(names(plan.podsToDelete())).containsExactly("done");
    assertThat(plan.failed()).isEmpty();
  }

  @Test
  @DisplayName("plan, pending pod aimed at a deleted node, deleted; a bound one is left to pod GC")
  void pendingPodsOfDeletedNodes() {
    Plan plan = plan(daemonSet(), List.of(node("a")),
        List.of(pod("pa", "a", true, "h", 10, true),
            pod("lost", "gone", false, "h", 10, false),
            pod("bound", "gone2", true, "h", 10, true)));

    assertThat(names(plan.podsToDelete())).containsExactly("lost");
  }

  @Test
  @DisplayName("plan, pod already being deleted, node not refilled until it is gone")
  void deletingPodHoldsTheNode() {
    Pod going = pod("going", "a", true, "h", 10, true);
    going.getMetadata().setDeletionTimestamp(NOW.toString());

    Plan plan = plan(daemonSet(), List.of(node("a")), List.of(going));

    assertThat(plan.nodesNeedingPods()).isEmpty();
    assertThat(plan.podsToDelete()).isEmpty();
  }
}
