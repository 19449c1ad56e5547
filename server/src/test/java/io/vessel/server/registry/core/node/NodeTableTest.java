package io.vessel.server.registry.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Node;
import io.vessel.server.registry.Fixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeTableTest {

  static Stream<Arguments> statuses() {
    return Stream.of(
        arguments(named("ready", "status: {conditions: [{type: Ready, status: 'True'}]}"), "Ready"),
        arguments(
            named("not ready", "status: {conditions: [{type: Ready, status: 'False'}]}"),
            "NotReady"),
        arguments(
            named("unknown readiness", "status: {conditions: [{type: Ready, status: Unknown}]}"),
            "NotReady"),
        arguments(named("no Ready condition", "status: {conditions: []}"), "Unknown"),
        arguments(
            named(
                "cordoned and ready",
                "spec: {unschedulable: true}\n"
                    + "status: {conditions: [{type: Ready, status: 'True'}]}"),
            "Ready,SchedulingDisabled"),
        arguments(
            named("cordoned without status", "spec: {unschedulable: true}"),
            "Unknown,SchedulingDisabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  @DisplayName("status cell, node condition and cordon, reads as kubectl prints it")
  void status(String yaml, String expected) {
    Node node = Fixtures.yaml("metadata: {name: n}\n" + yaml, Node.class);

    assertThat(NodeTable.status(node)).isEqualTo(expected);
  }

  static Stream<Arguments> roles() {
    return Stream.of(
        arguments(named("no labels", Map.of()), "<none>"),
        arguments(
            named(
                "role prefix labels",
                Map.of(
                    "node-role.kubernetes.io/control-plane", "",
                    "node-role.kubernetes.io/etcd", "true")),
            "control-plane,etcd"),
        arguments(named("legacy role label", Map.of("kubernetes.io/role", "worker")), "worker"),
        arguments(
            named("empty legacy role is ignored", Map.of("kubernetes.io/role", "")), "<none>"),
        arguments(
            named("bare prefix is ignored", Map.of("node-role.kubernetes.io/", "")), "<none>"),
        arguments(
            named("other labels are ignored", Map.of("kubernetes.io/os", "linux")), "<none>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  @DisplayName("roles cell, node labels, lists node-role.kubernetes.io roles sorted")
  void roles(Map<String, String> labels, String expected) {
    assertThat(NodeTable.roles(labels)).isEqualTo(expected);
  }

  @Test
  @DisplayName("cells, registered node, prints version and the wide system columns")
  void cells() {
    Node node =
        Fixtures.yaml(
            """
            metadata: {name: node-1, creationTimestamp: "%s"}
            status:
              conditions: [{type: Ready, status: "True"}]
              addresses: [{type: Hostname, address: node-1}, {type: InternalIP, address: 10.0.0.5}]
              nodeInfo: {kubeletVersion: v1.33.1, osImage: Debian 12, kernelVersion: "",
                containerRuntimeVersion: containerd://2.0.0}
            """
                .formatted(Fixtures.ago(86400 * 3)),
            Node.class);

    assertThat(new NodeTable().cells(node, Fixtures.NOW))
        .containsExactly(
            "node-1",
            "Ready",
            "<none>",
            "3d",
            "v1.33.1",
            "10.0.0.5",
            "<none>",
            "Debian 12",
            "<unknown>",
            "containerd://2.0.0");
  }
}
