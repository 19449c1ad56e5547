package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vessel.server.api.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {
  static final String KUBECTL_133 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
          + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
  static final String KUBECTL_128 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
  static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  @Test
  @DisplayName("discovery, kubectl 1.33 Accept, answers v2")
  void discoveryV2() {
    assertThat(DiscoveryHandler.negotiateAggregated(KUBECTL_133)).isEqualTo("v2");
  }

  @Test
  @DisplayName("discovery, kubectl 1.28 Accept, answers v2beta1 and never v2")
  void discoveryV2beta1() {
    assertThat(DiscoveryHandler.negotiateAggregated(KUBECTL_128)).isEqualTo("v2beta1");
  }

  @ParameterizedTest(name = "discovery, Accept \"{0}\", answers the legacy documents")
  @CsvSource(
      delimiter = '|',
      value = {"application/json", "*/*", "''", "application/json,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"})
  void discoveryLegacy(String accept) {
    assertThat(DiscoveryHandler.negotiateAggregated(accept)).isNull();
  }

  @Test
  @DisplayName("discovery, only unknown media types, fails 406")
  void discoveryNotAcceptable() {
    assertThatThrownBy(() -> DiscoveryHandler.negotiateAggregated("application/vnd.kubernetes.protobuf"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(406));
  }

  @Test
  @DisplayName("output, kubectl get Accept, is a v1 Table")
  void table() {
    OutputFormat f = OutputFormat.negotiate(TABLE);
    assertThat(f.kind()).isEqualTo(OutputFormat.Kind.TABLE);
    assertThat(f.contentType()).isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io");
  }

  @ParameterizedTest(name = "output, Accept \"{0}\", is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/vnd.kubernetes.protobuf,application/json|JSON",
        "application/vnd.kubernetes.protobuf, */*|JSON",
        "application/yaml|YAML",
        "''|JSON",
        "application/json;as=Table;v=v2;g=meta.k8s.io,application/json|JSON"
      })
  void formats(String accept, OutputFormat.Kind kind) {
    assertThat(OutputFormat.negotiate(accept).kind()).isEqualTo(kind);
  }

  @Test
  @DisplayName("output, only protobuf accepted, fails 406 NotAcceptable")
  void notAcceptable() {
    assertThatThrownBy(() -> OutputFormat.negotiate("application/vnd.kubernetes.protobuf"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(406);
              assertThat(e.reason()).isEqualTo("NotAcceptable");
            });
  }
}
