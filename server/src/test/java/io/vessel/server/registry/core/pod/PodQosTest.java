package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.vessel.server.registry.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodQosTest {

  static Stream<Arguments> specs() {
    return Stream.of(
        arguments(named("no resources", "containers: [{name: a}]"), "BestEffort"),
        arguments(
            named(
                "limits equal requests for cpu and memory",
                "containers: [{name: a, resources: "
                    + "{limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: '0.5', memory: 1Gi}}}]"),
            "Guaranteed"),
        arguments(
            named(
                "only a cpu limit",
                "containers: [{name: a, resources: {limits: {cpu: 1}, " + "requests: {cpu: 1}}}]"),
            "Burstable"),
        arguments(
            named(
                "requests below limits",
                "containers: [{name: a, resources: {limits: {cpu: 1, "
                    + "memory: 1Gi}, requests: {cpu: 100m, memory: 1Gi}}}]"),
            "Burstable"),
        arguments(
            named(
                "one container without resources",
                "containers: [{name: a, resources: {limits: "
                    + "{cpu: 1, memory: 1Gi}, requests: {cpu: 1, memory: 1Gi}}}, {name: b}]"),
            "Burstable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  @DisplayName("classify, pod spec resources, yields upstream's QoS class")
  void classifies(String yaml, String qos) {
    assertThat(PodQos.of(Fixtures.yaml(yaml, PodSpec.class))).isEqualTo(qos);
  }
}
