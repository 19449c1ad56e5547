package io.vessel.server.registry.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Event;
import io.vessel.server.registry.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventTableTest {

  static Stream<Arguments> events() {
    return Stream.of(
        arguments(
            named(
                "legacy event with timestamps, count and source",
                """
                metadata: {name: web.1}
                involvedObject: {kind: Pod, name: web, fieldPath: "spec.containers{nginx}"}
                reason: BackOff
                message: "Back-off restarting failed container\\n"
                type: Warning
                source: {component: kubelet, host: node-1}
                firstTimestamp: "%s"
                lastTimestamp: "%s"
                count: 7
                """
                    .formatted(Fixtures.ago(3600), Fixtures.ago(30))),
            new Object[] {
              "30s",
              "Warning",
              "BackOff",
              "pod/web",
              "spec.containers{nginx}",
              "kubelet, node-1",
              "Back-off restarting failed container",
              "60m",
              7L,
              "web.1"
            }),
        arguments(
            named(
                "new-API singleton event with eventTime and reporting fields",
                """
                metadata: {name: web.2}
                involvedObject: {kind: Deployment}
                reason: ScalingReplicaSet
                message: Scaled up
                type: Normal
                eventTime: "%s"
                reportingComponent: deployment-controller
                """
                    .formatted(Fixtures.ago(90))),
            new Object[] {
              "90s",
              "Normal",
              "ScalingReplicaSet",
              "deployment",
              "",
              "deployment-controller",
              "Scaled up",
              "90s",
              1L,
              "web.2"
            }),
        arguments(
            named(
                "event series",
                """
                metadata: {name: web.3}
                involvedObject: {kind: Node, name: n1}
                eventTime: "%s"
                series: {count: 12, lastObservedTime: "%s"}
                """
                    .formatted(Fixtures.ago(7200), Fixtures.ago(5))),
            new Object[] {"5s", "", "", "node/n1", "", "", "", "120m", 12L, "web.3"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  @DisplayName("cells, event, print last seen, object, source, first seen and count as kubectl")
  void cells(String yaml, Object[] expected) {
    Event event = Fixtures.yaml(yaml, Event.class);

    assertThat(new EventTable().cells(event, Fixtures.NOW)).containsExactly(expected);
  }
}
