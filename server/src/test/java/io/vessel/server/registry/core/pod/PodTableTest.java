package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.TableColumn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodTableTest {
  private final PodTable table = new PodTable();

  @Test
  @DisplayName("columns, pods, match kube-apiserver's names and wide priorities")
  void columns() {
    assertThat(table.columns())
        .extracting(TableColumn::name, TableColumn::priority)
        .containsExactly(
            tuple("Name", 0),
            tuple("Ready", 0),
            tuple("Status", 0),
            tuple("Restarts", 0),
            tuple("Age", 0),
            tuple("IP", 1),
            tuple("Node", 1),
            tuple("Nominated Node", 1),
            tuple("Readiness Gates", 1));
  }

  @Test
  @DisplayName("cells, scheduled pod with gates, prints IP, node and true gates out of all")
  void wideCells() {
    Pod pod =
        Fixtures.yaml(
            """
            metadata: {name: web, creationTimestamp: "%s"}
            spec:
              nodeName: node-1
              readinessGates: [{conditionType: example.com/lb}, {conditionType: example.com/dns}]
              containers: [{name: a, image: x}]
            status:
              phase: Running
              podIPs: [{ip: 10.1.0.7}, {ip: "fd00::7"}]
              conditions: [{type: example.com/lb, status: "True"}]
              containerStatuses: [{name: a, ready: true, state: {running: {}}}]
            """
                .formatted(Fixtures.ago(3 * 3600)),
            Pod.class);

    assertThat(table.cells(pod, Fixtures.NOW))
        .containsExactly("web", "1/1", "Running", "0", "3h", "10.1.0.7", "node-1", "<none>", "1/2");
  }

  @Test
  @DisplayName("cells, pod without status, prints <none> for placement and gates")
  void unscheduled() {
    Pod pod = Fixtures.yaml("metadata: {name: p}\nspec: {containers: [{name: a}]}", Pod.class);

    assertThat(table.cells(pod, Fixtures.NOW))
        .containsExactly("p", "0/1", "", "0", "<unknown>", "<none>", "<none>", "<none>", "<none>");
  }
}
