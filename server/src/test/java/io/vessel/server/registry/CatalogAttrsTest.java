package io.vessel.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogAttrsTest {
  private static final CatalogAttrs ATTRS = new CatalogAttrs(BuiltinResources.catalog());

  static Stream<Arguments> fields() {
    String pod =
        "{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\"},\"spec\":{\"nodeName\":\"n1\"},"
            + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.0.1\","
            + "\"podIPs\":[{\"ip\":\"10.0.0.2\"}]}}";
    String event =
        "{\"metadata\":{\"name\":\"e\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\"},"
            + "\"reportingComponent\":\"kubelet\",\"type\":\"Normal\"}";
    return Stream.of(
        arguments("pods", pod, "spec.nodeName", "n1"),
        arguments("pods", pod, "spec.hostNetwork", "false"),
        arguments("pods", pod, "status.podIP", "10.0.0.2"),
        arguments("pods", pod, "spec.serviceAccountName", ""),
        arguments("pods", pod, "metadata.namespace", "ns"),
        arguments("nodes", "{\"metadata\":{\"name\":\"n\"}}", "spec.unschedulable", "false"),
        arguments(
            "replicationcontrollers", "{\"metadata\":{\"name\":\"r\"}}", "status.replicas", "0"),
        arguments("batch/jobs", "{\"status\":{\"succeeded\":2}}", "status.successful", "2"),
        arguments("secrets", "{\"type\":\"Opaque\"}", "type", "Opaque"),
        arguments("events", event, "source", "kubelet"),
        arguments("events", event, "involvedObject.kind", "Pod"),
        arguments("events", event, "regarding.name", "p"),
        arguments("events", event, "reportingController", "kubelet"));
  }

  @ParameterizedTest(name = "{0} {2}={3}")
  @MethodSource("fields")
  @DisplayName("extract, stored object, yields each selectable field as upstream computes it")
  void extracts(String storage, String json, String field, String value) {
    var attrs = ATTRS.extract(storage, json.getBytes(StandardCharsets.UTF_8));

    assertThat(attrs.fields()).containsEntry(field, value);
  }
}
