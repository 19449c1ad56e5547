package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static io.vessel.server.controller.daemonset.DaemonFixtures.node;
import static io.vessel.server.controller.daemonset.DaemonFixtures.taint;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.controller.daemonset.NodePlacement.Placement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodePlacementTest {
  private static final Placement RUN = new Placement(true, true);
  private static final Placement STAY = new Placement(false, true);
  private static final Placement NEVER = new Placement(false, false);

  static Stream<Arguments> taints() {
    return Stream.of(
        Arguments.of("no taints", List.of(), false, RUN),
        Arguments.of("not-ready NoExecute, tolerated by default", List.of(taint("node.kubernetes.io/not-ready", "NoExecute")), false, RUN),
        Arguments.of("unreachable NoExecute, tolerated by default", List.of(taint("node.kubernetes.io/unreachable", "NoExecute")), false, RUN),
        Arguments.of("not-ready NoSchedule, new pods kept away", List.of(taint("node.kubernetes.io/not-ready", "NoSchedule")), false, STAY),
        Arguments.of("cordoned, tolerated by default", List.of(taint("node.kubernetes.io/unschedulable", "NoSchedule")), false, RUN),
        Arguments.of("disk pressure, tolerated by default", List.of(taint("node.kubernetes.io/disk-pressure", "NoSchedule")), false, RUN),
        Arguments.of("memory pressure, tolerated by default", List.of(taint("node.kubernetes.io/memory-pressure", "NoSchedule")), false, RUN),
        Arguments.of("pid pressure, tolerated by default", List.of(taint("node.kubernetes.io/pid-pressure", "NoSchedule")), false, RUN),
        Arguments.of("network unavailable, pod network", List.of(taint("node.kubernetes.io/network-unavailable", "NoSchedule")), false, STAY),
        Arguments.of("network unavailable, hostNetwork", List.of(taint("node.kubernetes.io/network-unavailable", "NoSchedule")), true, RUN),
        Arguments.of("user NoSchedule, existing pods stay", List.of(taint("dedicated", "NoSchedule")), false, STAY),
        Arguments.of("user NoExecute, pods leave", List.of(taint("dedicated", "NoExecute")), false, NEVER),
        Arguments.of("PreferNoSchedule, ignored", List.of(taint("dedicated", "PreferNoSchedule")), false, RUN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taints")
  @DisplayName("place, node taints, judged with the default daemon tolerations")
  void taintsAgainstDefaultTolerations(String name, List<Taint> taints, boolean hostNetwork, Placement expected) {
    // Given
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setHostNetwork(hostNetwork);

    // When
    Placement p = NodePlacement.of(ds).on(node("n1", Map.of(), taints.toArray(Taint[]::new)));

    // Then
    assertThat(p).isEqualTo(expected);
  }

  @Test
  @DisplayName("place, tolerated user taint, runs")
  void ownTolerations() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setTolerations(List.of(new Toleration("NoExecute", "dedicated", "Exists", null, null)));

    assertThat(NodePlacement.of(ds).on(node("n1", Map.of(), taint("dedicated", "NoExecute")))).isEqualTo(RUN);
  }

  @Test
  @DisplayName("place, nodeSelector, only on matching labels")
  void nodeSelector() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("role", "edge"));
    NodePlacement placement = NodePlacement.of(ds);

    assertThat(placement.on(node("edge", Map.of("role", "edge")))).isEqualTo(RUN);
    assertThat(placement.on(node("core", Map.of("role", "core")))).isEqualTo(NEVER);
    assertThat(placement.on(node("bare"))).isEqualTo(NEVER);
  }

  @Test
  @DisplayName("place, required node affinity, the scheduler's matching")
  void requiredAffinity() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder()
        .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().withMatchExpressions(new NodeSelectorRequirementBuilder()
            .withKey("zone").withOperator("NotIn").withValues("a").build()).endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
    NodePlacement placement = NodePlacement.of(ds);

    assertThat(placement.on(node("b", Map.of("zone", "b")))).isEqualTo(RUN);
    assertThat(placement.on(node("a", Map.of("zone", "a")))).isEqualTo(NEVER);
  }

  @Test
  @DisplayName("place, template pinned to a nodeName, only that node")
  void pinnedNodeName() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setNodeName("n2");
    NodePlacement placement = NodePlacement.of(ds);

    assertThat(placement.on(node("n2"))).isEqualTo(RUN);
    assertThat(placement.on(node("n1"))).isEqualTo(NEVER);
  }
}
