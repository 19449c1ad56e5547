package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.NOW;
import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static io.vessel.server.controller.daemonset.DaemonFixtures.node;
import static io.vessel.server.controller.daemonset.DaemonFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DaemonStatusTest {
  private static DaemonSetStatus compute(DaemonSet ds, List<Pod> pods, boolean observed) {
    var worker = Map.of("role", "worker");
    var nodes = List.of(node("n1", worker), node("n2", worker), node("n3", worker), node("n4", worker),
        node("infra", Map.of("role", "infra")));
    // The fixture pods carry template generation 1: the template has changed since.
    ds.getMetadata().getAnnotations().put(DaemonPods.GENERATION_ANNOTATION, "2");
    return DaemonStatus.compute(ds, nodes, NodePlacement.of(ds), NodePlan.byNode(pods, false), "new", observed, NOW);
  }

  @Test
  @DisplayName("status, mixed nodes, upstream's counts")
  void counts() {
    // Given: four worker nodes should run it; n1 new and ready for a minute, n2 new and ready for
    // 5 s, n3 old and not ready, n4 without a pod; one pod left on the infra node.
    DaemonSet ds = daemonSet();
    ds.getMetadata().setGeneration(3L);
    ds.getSpec().setMinReadySeconds(10);
    ds.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("role", "worker"));
    List<Pod> pods = List.of(
        pod("p1", "n1", true, "new", 60, true),
        pod("p2", "n2", true, "new", 5, true),
        pod("p3", "n3", true, "old", 60, false),
        pod("stray", "infra", true, "old", 60, true));

    // When
    DaemonSetStatus s = compute(ds, pods, true);

    // Then
    assertThat(s.getDesiredNumberScheduled()).isEqualTo(4);
    assertThat(s.getCurrentNumberScheduled()).isEqualTo(3);
    assertThat(s.getNumberMisscheduled()).isEqualTo(1);
    assertThat(s.getNumberReady()).isEqualTo(2);
    assertThat(s.getNumberAvailable()).isEqualTo(1);
    assertThat(s.getNumberUnavailable()).isEqualTo(3);
    assertThat(s.getUpdatedNumberScheduled()).isEqualTo(2);
    assertThat(s.getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  @DisplayName("status, several pods on a node, the oldest one counts")
  void oldestPodCounts() {
    DaemonSet ds = daemonSet();
    List<Pod> pods = List.of(pod("young", "n1", true, "new", 5, true), pod("old", "n1", true, "old", 60, false));

    DaemonSetStatus s = compute(ds, pods, true);

    assertThat(s.getCurrentNumberScheduled()).isEqualTo(1);
    assertThat(s.getNumberReady()).isZero();
    assertThat(s.getUpdatedNumberScheduled()).isZero();
  }

  @Test
  @DisplayName("status, sync still waiting for its writes, observedGeneration kept")
  void observedGenerationWaits() {
    DaemonSet ds = daemonSet();
    ds.getMetadata().setGeneration(5L);
    ds.setStatus(new DaemonSetStatus());
    ds.getStatus().setObservedGeneration(4L);
    ds.getStatus().setCollisionCount(2);

    DaemonSetStatus s = compute(ds, List.of(), false);

    assertThat(s.getObservedGeneration()).isEqualTo(4L);
    assertThat(s.getCollisionCount()).isEqualTo(2);
    assertThat(s.getDesiredNumberScheduled()).isEqualTo(5);
  }

  @Test
  @DisplayName("changed, same counts with absent zeros, nothing to write")
  void changedIgnoresAbsentZeros() {
    DaemonSet ds = daemonSet();
    DaemonSetStatus next = compute(ds, List.of(), true);
    DaemonSetStatus stored = new DaemonSetStatus();
    stored.setDesiredNumberScheduled(5);
    stored.setNumberUnavailable(5);
    stored.setObservedGeneration(1L);

    assertThat(DaemonStatus.changed(stored, next)).isFalse();
    stored.setObservedGeneration(0L);
    assertThat(DaemonStatus.changed(stored, next)).isTrue();
  }
}
