package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.SharedCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests without credentials: the API refuses them with a Status, while version, health and
 * discovery roots stay open (kube-apiserver's default {@code system:public-info-viewer} and {@code
 * system:discovery} access).
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Authentication")
class AuthenticationIT {

  /** kube-apiserver's answer, from apiserver {@code pkg/endpoints/filters/authentication.go}. */
  private static final String UNAUTHORIZED =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}";

  private final Cluster cluster;

  AuthenticationIT(Cluster cluster) {
    this.cluster = cluster;
  }

  @Test
  @DisplayName("list namespaces, no credentials, returns 401 with the Unauthorized Status")
  void anonymousListIsUnauthorized() {
    // When
    var response = cluster.anonymousRest().get("/api/v1/namespaces");

    // Then
    assertThat(response.status()).as(response.describe()).isEqualTo(401);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    assertThat(response.json()).as(response.describe()).isEqualTo(Json.parse(UNAUTHORIZED));
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {"/healthz", "/livez", "/readyz"})
  @DisplayName("health check, no credentials, answers 200 ok")
  void anonymousHealthChecksAnswerOk(String path) {
    // When
    var response = cluster.anonymousRest().get(path);

    // Then
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.text()).as(response.describe()).isEqualTo("ok");
  }

  @ParameterizedTest(name = "GET {0} is an {1}")
  @CsvSource({"/api, APIVersions", "/apis, APIGroupList"})
  @DisplayName("discovery root, no credentials, answers 200 with its kind")
  void anonymousDiscoveryRootsAnswer(String path, String kind) {
    // When
    var response = cluster.anonymousRest().get(path);

    // Then
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.json().path("kind").asText()).as(response.describe()).isEqualTo(kind);
  }

  @Test
  @DisplayName("get /version, no credentials, answers 200 with a v1.33 gitVersion")
  void anonymousVersionAnswers() {
    // When
    var response = cluster.anonymousRest().get("/version");

    // Then
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    var version = response.json();
    assertThat(version.path("major").asText()).as(response.describe()).isEqualTo("1");
    assertThat(version.path("minor").asText()).as(response.describe()).isEqualTo("33");
    assertThat(version.path("gitVersion").asText()).as(response.describe()).startsWith("v1.33.");
  }
}
