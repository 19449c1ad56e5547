package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.NOW;
import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static io.vessel.server.controller.daemonset.DaemonFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategyBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RollingUpdateTest {
  private static List<String> replace(List<Pod> pods, Set<String> desired, int maxUnavailable, int minReadySeconds) {
    var in = new RollingUpdate.Input(
        desired, NodePlan.byNode(pods, false), "new", Optional.of(2L), maxUnavailable, minReadySeconds, NOW);
    return RollingUpdate.podsToReplace(in).stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  @DisplayName("replace, all old and available, maxUnavailable of them in node order")
  void withinMaxUnavailable() {
    List<Pod> pods = List.of(pod("c", "n3", true, "old", 60, true), pod("a", "n1", true, "old", 60, true),
        pod("b", "n2", true, "old", 60, true));

    assertThat(replace(pods, Set.of("n1", "n2", "n3"), 1, 0)).containsExactly("a");
    assertThat(replace(pods, Set.of("n1", "n2", "n3"), 2, 0)).containsExactly("a", "b");
  }

  @Test
  @DisplayName("replace, a new pod not yet available, no budget left")
  void newPodNotAvailableUsesTheBudget() {
    List<Pod> pods = List.of(pod("a", "n1", true, "new", 1, false), pod("b", "n2", true, "old", 60, true));

    assertThat(replace(pods, Set.of("n1", "n2"), 1, 0)).isEmpty();
  }

  @Test
  @DisplayName("replace, new pod ready but short of minReadySeconds, still counts as unavailable")
  void minReadySeconds() {
    List<Pod> pods = List.of(pod("a", "n1", true, "new", 5, true), pod("b", "n2", true, "old", 60, true));

    assertThat(replace(pods, Set.of("n1", "n2"), 1, 30)).isEmpty();
    assertThat(replace(pods, Set.of("n1", "n2"), 1, 0)).containsExactly("b");
  }

  @Test
  @DisplayName("replace, an old pod that is not available, replaced at once beyond the budget")
  void unavailableOldPodsGoAtOnce() {
    List<Pod> pods = List.of(pod("a", "n1", true, "old", 60, true), pod("b", "n2", true, "old", 60, false),
        pod("c", "n3", true, "old", 60, false));

    assertThat(replace(pods, Set.of("n1", "n2", "n3"), 1, 0)).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  @DisplayName("replace, a desired node without a pod, counts as unavailable")
  void emptyNodeIsUnavailable() {
    List<Pod> pods = List.of(pod("b", "n2", true, "old", 60, true));

    assertThat(replace(pods, Set.of("n1", "n2"), 1, 0)).isEmpty();
    assertThat(replace(pods, Set.of("n1", "n2"), 2, 0)).containsExactly("b");
  }

  @Test
  @DisplayName("replace, pods of the current template generation, already updated")
  void templateGenerationCountsAsUpdated() {
    Pod relabelled = pod("a", "n1", true, "unhashed", 60, true);
    relabelled.getMetadata().getLabels().put("pod-template-generation", "2");

    assertThat(replace(List.of(relabelled), Set.of("n1"), 1, 0)).isEmpty();
  }

  @Test
  @DisplayName("maxUnavailable, percentages round up; zero becomes one")
  void maxUnavailable() {
    DaemonSet ds = daemonSet();
    ds.getSpec().setUpdateStrategy(new DaemonSetUpdateStrategyBuilder().withType("RollingUpdate")
        .withNewRollingUpdate().withMaxUnavailable(new IntOrString("10%")).withMaxSurge(new IntOrString(0)).endRollingUpdate().build());
    assertThat(RollingUpdate.maxUnavailable(ds, 15)).isEqualTo(2);

    ds.getSpec().getUpdateStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(0));
    assertThat(RollingUpdate.maxUnavailable(ds, 15)).isEqualTo(1);

    ds.getSpec().setUpdateStrategy(null);
    assertThat(RollingUpdate.maxUnavailable(ds, 15)).as("default").isEqualTo(1);
  }

  @Test
  @DisplayName("surge requested, positive count or percentage only")
  void surgeRequested() {
    DaemonSet ds = daemonSet();
    assertThat(RollingUpdate.surgeRequested(ds)).isFalse();
    ds.getSpec().setUpdateStrategy(new DaemonSetUpdateStrategyBuilder().withType("RollingUpdate")
        .withNewRollingUpdate().withMaxSurge(new IntOrString("0%")).endRollingUpdate().build());
    assertThat(RollingUpdate.surgeRequested(ds)).isFalse();
    ds.getSpec().getUpdateStrategy().getRollingUpdate().setMaxSurge(new IntOrString("1%"));
    assertThat(RollingUpdate.surgeRequested(ds)).isTrue();
    ds.getSpec().getUpdateStrategy().getRollingUpdate().setMaxSurge(new IntOrString(1));
    assertThat(RollingUpdate.surgeRequested(ds)).isTrue();
  }
}
