package io.vessel.server.scheduler;

import static io.vessel.server.scheduler.Fixtures.node;
import static io.vessel.server.scheduler.Fixtures.nodeInfo;
import static io.vessel.server.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeScorerTest {

  private static String choose(PodInfo pod, NodeInfo... nodes) {
    ScheduleResult r = SchedulingCycle.schedule(pod, List.of(nodes), new SplittableRandom(7));
    assertThat(r.fits()).isTrue();
    return r.node();
  }

  @Test
  @DisplayName("least allocated, the emptier node scores higher")
  void leastAllocated() {
    PodInfo pod = PodInfo.of(pod("p", "500m", "512Mi").build());
    NodeInfo busy = nodeInfo(node("busy", "4", "8Gi").build(), pod("x", "3", "6Gi").build());
    NodeInfo idle = nodeInfo(node("idle", "4", "8Gi").build());

    assertThat(NodeScorer.leastAllocated(pod, idle)).isGreaterThan(NodeScorer.leastAllocated(pod, busy));
    assertThat(NodeScorer.leastAllocated(pod, idle)).isEqualTo(90); // (87 cpu + 93 memory) / 2
    assertThat(choose(pod, busy, idle)).isEqualTo("idle");
  }

  @Test
  @DisplayName("balanced allocation, equal cpu and memory shares score 100")
  void balanced() {
    PodInfo pod = PodInfo.of(pod("p", "1", "2Gi").build());

    assertThat(NodeScorer.balancedAllocation(pod, nodeInfo(node("a", "4", "8Gi").build())))
        .isEqualTo(100);
    // cpu 1/4 = 0.25, memory 2/4 = 0.5: std 0.125
    assertThat(NodeScorer.balancedAllocation(pod, nodeInfo(node("b", "4", "4Gi").build())))
        .isEqualTo(87);
  }

  @Test
  @DisplayName("preferred node affinity, the matching node wins over an emptier one")
  void preferredAffinity() {
    NodeSelectorTerm ssd = new NodeSelectorTerm();
    ssd.setMatchExpressions(List.of(new NodeSelectorRequirement("disk", "In", List.of("ssd"))));
    PodInfo pod =
        PodInfo.of(
            pod("p", "100m", "100Mi")
                .editSpec()
                .withNewAffinity()
                .withNewNodeAffinity()
                .withPreferredDuringSchedulingIgnoredDuringExecution(
                    new PreferredSchedulingTerm(ssd, 50))
                .endNodeAffinity()
                .endAffinity()
                .endSpec()
                .build());
    NodeInfo labelled =
        nodeInfo(
            node("ssd", "4", "8Gi").editMetadata().addToLabels("disk", "ssd").endMetadata().build(),
            pod("x", "2", "4Gi").build());
    NodeInfo plain = nodeInfo(node("plain", "4", "8Gi").build());

    assertThat(choose(pod, plain, labelled)).isEqualTo("ssd");
  }

  @Test
  @DisplayName("PreferNoSchedule, an untolerated one sends the pod elsewhere")
  void preferNoSchedule() {
    Taint t = new Taint();
    t.setKey("k");
    t.setEffect("PreferNoSchedule");
    PodInfo pod = PodInfo.of(pod("p", "100m", "100Mi").build());
    NodeInfo tainted =
        nodeInfo(node("tainted", "4", "8Gi").editSpec().withTaints(t).endSpec().build());
    NodeInfo busier = nodeInfo(node("busier", "4", "8Gi").build(), pod("x", "1", "2Gi").build());

    assertThat(choose(pod, tainted, busier)).isEqualTo("busier");
  }

  @Test
  @DisplayName("normalize, reverse with no bad node gives everyone the maximum")
  void normalize() {
    long[] none = {0, 0};
    long[] some = {1, 4};
    NodeScorer.normalize(none, true);
    NodeScorer.normalize(some, true);

    assertThat(none).containsExactly(100, 100);
    assertThat(some).containsExactly(75, 0);
  }
}
