package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static io.vessel.server.controller.daemonset.DaemonFixtures.node;
import static io.vessel.server.controller.daemonset.DaemonFixtures.taint;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeEventsTest {
  private final List<String> enqueued = new ArrayList<>();
  private final DaemonSet everywhere = daemonSet();
  private final DaemonSet workers = named(daemonSet(), "workers", Map.of("role", "worker"));
  private final NodeEvents events = new NodeEvents(() -> List.of(everywhere, workers), enqueued::add);

  private static DaemonSet named(DaemonSet ds, String name, Map<String, String> selector) {
    ds.getMetadata().setName(name);
    ds.getSpec().getTemplate().getSpec().setNodeSelector(selector);
    return ds;
  }

  @Test
  @DisplayName("node added, the DaemonSets that should run there")
  void added() {
    events.onAdd(node("n1", Map.of("role", "infra")));

    assertThat(enqueued).containsExactly("ns/agent");
  }

  @Test
  @DisplayName("node updated, heartbeat only, nothing")
  void heartbeat() {
    Node old = node("n1", Map.of("role", "worker"));
    Node current = node("n1", Map.of("role", "worker"));
    current.setStatus(new NodeStatus());
    current.getStatus().setConditions(List.of(new NodeConditionBuilder().withType("Ready").withStatus("True")
        .withLastHeartbeatTime("2026-01-01T00:00:10Z").build()));

    events.onUpdate(old, current);

    assertThat(enqueued).isEmpty();
  }

  @Test
  @DisplayName("node updated, labels or taints changed, only the DaemonSets whose placement changed")
  void placementChanged() {
    events.onUpdate(node("n1", Map.of("role", "worker")), node("n1", Map.of("role", "infra")));
    assertThat(enqueued).containsExactly("ns/workers");

    enqueued.clear();
    events.onUpdate(node("n1", Map.of()), node("n1", Map.of(), taint("dedicated", "NoExecute")));
    assertThat(enqueued).containsExactly("ns/agent");
  }

  @Test
  @DisplayName("node deleted, every DaemonSet")
  void deleted() {
    events.onDelete(node("n1"));

    assertThat(enqueued).containsExactlyInAnyOrder("ns/agent", "ns/workers");
  }
}
