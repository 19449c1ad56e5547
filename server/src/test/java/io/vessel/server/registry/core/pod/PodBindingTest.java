package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.vessel.server.api.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodBindingTest {

  private static Pod pending() {
    PodCondition unschedulable =
        new PodConditionBuilder()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/1 nodes are available: 1 Insufficient cpu.")
            .withLastTransitionTime("2024-01-01T00:00:00Z")
            .build();
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .withUid("u1")
        .withResourceVersion("7")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .withConditions(unschedulable)
        .endStatus()
        .build();
  }

  @Test
  @DisplayName("assign, pending pod, sets the node and replaces PodScheduled=False with True")
  void assigns() {
    Pod pod = (Pod) PodBinding.assign(pending(), "n1", "u1", "7", Map.of("a", "b"));

    assertThat(pod.getSpec().getNodeName()).isEqualTo("n1");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("a", "b");
    assertThat(pod.getStatus().getConditions()).hasSize(1);
    PodCondition c = pod.getStatus().getConditions().get(0);
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(c.getReason()).isNull();
    assertThat(c.getMessage()).isNull();
    assertThat(c.getLastTransitionTime()).isNotEqualTo("2024-01-01T00:00:00Z");
  }

  @Test
  @DisplayName("assign, assigned, gated, deleting or stale pod, Conflict with upstream's text")
  void conflicts() {
    Pod assigned = pending();
    assigned.getSpec().setNodeName("n0");
    Pod gated = pending();
    gated.getSpec().setSchedulingGates(List.of(new PodSchedulingGate("g")));
    Pod deleting = pending();
    deleting.getMetadata().setDeletionTimestamp("2024-01-01T00:00:00Z");

    assertThatThrownBy(() -> PodBinding.assign(assigned, "n1", null, null, null))
        .hasMessage(
            "Operation cannot be fulfilled on pods/binding \"p\": pod p is already assigned to node \"n0\"");
    assertThatThrownBy(() -> PodBinding.assign(gated, "n1", null, null, null))
        .hasMessageEndingWith("pod p has non-empty .spec.schedulingGates");
    assertThatThrownBy(() -> PodBinding.assign(deleting, "n1", null, null, null))
        .hasMessageEndingWith("pod p is being deleted, cannot be assigned to a host");
    assertThatThrownBy(() -> PodBinding.assign(pending(), "n1", null, "6", null))
        .hasMessage(
            "Operation cannot be fulfilled on pods \"p\": Precondition failed: ResourceVersion in"
                + " precondition: 6, ResourceVersion in meta: 7");
  }

  @Test
  @DisplayName("validate, target of another kind and no name, both causes in one aggregate")
  void validates() {
    ObjectReference target = new ObjectReference();
    target.setKind("Pod");

    assertThatThrownBy(() -> PodBinding.validate(target))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(500))
        .hasMessage(
            "[target.kind: Unsupported value: \"Pod\": supported values: \"Node\", \"<empty>\","
                + " target.name: Required value]");
  }
}
