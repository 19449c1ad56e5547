package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DaemonPodsTest {
  @Test
  @DisplayName("new pod, plain template, labelled, owned, tolerating and aimed at its node")
  void newPod() {
    // Given
    DaemonSet ds = daemonSet();

    // When
    Pod pod = DaemonPods.newPod(ds, "abc12", "n1");

    // Then
    assertThat(pod.getMetadata().getGenerateName()).isEqualTo("agent-");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("app", "agent")
        .containsEntry("controller-revision-hash", "abc12")
        .containsEntry("pod-template-generation", "1");
    assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo("DaemonSet");
      assertThat(r.getController()).isTrue();
      assertThat(r.getBlockOwnerDeletion()).isTrue();
    });
    assertThat(pod.getSpec().getNodeName()).as("the scheduler binds it").isNull();
    assertThat(NodeNameAffinity.targetNode(pod)).contains("n1");
    assertThat(pod.getSpec().getTolerations())
        .extracting(t -> t.getKey() + ":" + t.getEffect() + ":" + t.getOperator() + ":" + t.getTolerationSeconds())
        .containsExactly(
            "node.kubernetes.io/not-ready:NoExecute:Exists:null",
            "node.kubernetes.io/unreachable:NoExecute:Exists:null",
            "node.kubernetes.io/disk-pressure:NoSchedule:Exists:null",
            "node.kubernetes.io/memory-pressure:NoSchedule:Exists:null",
            "node.kubernetes.io/pid-pressure:NoSchedule:Exists:null",
            "node.kubernetes.io/unschedulable:NoSchedule:Exists:null");
    assertThat(ds.getSpec().getTemplate().getSpec().getTolerations()).as("template untouched").isNullOrEmpty();
  }

  @Test
  @DisplayName("new pod, user toleration of not-ready for 300 s, made unlimited; others kept")
  void userTolerationsMerged() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setTolerations(List.of(
        new Toleration("NoExecute", "node.kubernetes.io/not-ready", "Exists", 300L, null),
        new Toleration("NoSchedule", "gpu", "Exists", null, null)));

    Pod pod = DaemonPods.newPod(ds, "h", "n1");

    assertThat(pod.getSpec().getTolerations()).filteredOn(t -> t.getKey().equals("node.kubernetes.io/not-ready"))
        .singleElement().satisfies(t -> assertThat(t.getTolerationSeconds()).isNull());
    assertThat(pod.getSpec().getTolerations()).extracting(Toleration::getKey).contains("gpu").hasSize(7);
  }

  @Test
  @DisplayName("new pod, hostNetwork, also tolerates network-unavailable")
  void hostNetwork() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setHostNetwork(true);

    assertThat(DaemonPods.newPod(ds, "h", "n1").getSpec().getTolerations())
        .extracting(Toleration::getKey).contains("node.kubernetes.io/network-unavailable");
  }

  @Test
  @DisplayName("new pod, template with required and preferred affinity, required terms become the node's")
  void affinityReplaced() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setAffinity(new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In").withValues("a").endMatchExpression().endNodeSelectorTerm()
        .addNewNodeSelectorTerm().addNewMatchField().withKey("metadata.name").withOperator("In").withValues("other").endMatchField().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(1)
        .withNewPreference().addNewMatchExpression().withKey("ssd").withOperator("Exists").endMatchExpression().endPreference()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity().build());

    Pod pod = DaemonPods.newPod(ds, "h", "n1");

    var nodeAffinity = pod.getSpec().getAffinity().getNodeAffinity();
    assertThat(nodeAffinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms())
        .singleElement().satisfies(t -> {
          assertThat(t.getMatchExpressions()).isNullOrEmpty();
          assertThat(t.getMatchFields()).singleElement().satisfies(r -> {
            assertThat(r.getKey()).isEqualTo("metadata.name");
            assertThat(r.getOperator()).isEqualTo("In");
            assertThat(r.getValues()).containsExactly("n1");
          });
        });
    assertThat(nodeAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
    assertThat(NodeNameAffinity.targetNode(pod)).contains("n1");
    assertThat(ds.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms()).as("template untouched").hasSize(2);
  }

  @Test
  @DisplayName("updated, by hash or by template generation")
  void isUpdated() {
    Pod pod = DaemonPods.newPod(daemonSet(), "old", "n1");

    assertThat(DaemonPods.isUpdated(pod, "old", Optional.of(7L))).isTrue();
    assertThat(DaemonPods.isUpdated(pod, "new", Optional.of(1L))).isTrue();
    assertThat(DaemonPods.isUpdated(pod, "new", Optional.of(2L))).isFalse();
    assertThat(DaemonPods.isUpdated(pod, "new", Optional.empty())).isFalse();
  }

  @Test
  @DisplayName("target node, bound pod, its nodeName wins")
  void targetNodeOfBoundPod() {
    Pod pod = DaemonPods.newPod(daemonSet(), "h", "n1");
    pod.getSpec().setNodeName("n2");

    assertThat(NodeNameAffinity.targetNode(pod)).contains("n2");
  }
}
