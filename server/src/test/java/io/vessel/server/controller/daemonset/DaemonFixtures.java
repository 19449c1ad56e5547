package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Nodes, DaemonSets and daemon pods for the unit tests, built as the API would return them. */
final class DaemonFixtures {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private DaemonFixtures() {}

  static DaemonSet daemonSet() {
    return new DaemonSetBuilder()
        .withNewMetadata().withNamespace("ns").withName("agent").withUid("ds-uid").withGeneration(1L)
        .addToAnnotations(DaemonPods.GENERATION_ANNOTATION, "1").endMetadata()
        .withNewSpec()
        .withNewSelector().withMatchLabels(Map.of("app", "agent")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "agent")).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("agent:1").endContainer().endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Node node(String name, Map<String, String> labels, Taint... taints) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withTaints(List.of(taints)).endSpec()
        .build();
  }

  static Node node(String name) {
    return node(name, Map.of());
  }

  static Taint taint(String key, String effect) {
    Taint t = new Taint();
    t.setKey(key);
    t.setEffect(effect);
    return t;
  }

  /**
   * A daemon pod of revision {@code hash} on {@code node}, bound or still pending, created
   * {@code ageSeconds} before {@link #NOW}, ready (since then) or not.
   */
  static Pod pod(String name, String node, boolean bound, String hash, long ageSeconds, boolean ready) {
    String created = NOW.minusSeconds(ageSeconds).toString();
    Pod pod = DaemonPods.newPod(daemonSet(), hash, node);
    pod.getMetadata().setName(name);
    pod.getMetadata().setCreationTimestamp(created);
    if (bound) {
      pod.getSpec().setNodeName(node);
    }
    return new PodBuilder(pod)
        .withNewStatus().withPhase(ready ? "Running" : "Pending")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .withLastTransitionTime(created).endCondition()
        .endStatus()
        .build();
  }

  static Pod withPhase(Pod pod, String phase) {
    pod.getStatus().setPhase(phase);
    return pod;
  }
}
