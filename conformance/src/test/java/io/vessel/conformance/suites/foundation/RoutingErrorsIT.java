package io.vessel.conformance.suites.foundation;

import static io.vessel.conformance.harness.StatusAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.SharedCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests that match no route: unknown resources and unsupported verbs. kube-apiserver answers
 * both through its go-restful service error handler (apiserver {@code pkg/server/handler.go}
 * serviceErrorHandler), with the generic texts of apimachinery {@code errors.go}
 * NewGenericServerResponse.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Routing errors")
class RoutingErrorsIT {

  private final Cluster cluster;

  RoutingErrorsIT(Cluster cluster) {
    this.cluster = cluster;
  }

  @Test
  @DisplayName("list, unknown resource foos, returns 404 NotFound")
  void unknownResourceIsNotFound() {
    // When
    var response = cluster.rest().get("/api/v1/foos");

    // Then
    var status = assertStatus(response, 404, "NotFound");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo("the server could not find the requested resource");
  }

  @Test
  @DisplayName(
      "create, POST to a named namespace URL, returns 405 MethodNotAllowed and changes nothing")
  void postToNamedUrlIsMethodNotAllowed() {
    // Given
    var before = cluster.rest().get("/api/v1/namespaces/default");
    assertThat(before.status()).as(before.describe()).isEqualTo(200);
    var body = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
    body.putObject("metadata").put("name", "default").putObject("labels").put("posted", "yes");

    // When
    var response = cluster.rest().post("/api/v1/namespaces/default", body);

    // Then
    var status = assertStatus(response, 405, "MethodNotAllowed");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo("the server does not allow this method on the requested resource");
    var after = cluster.rest().get("/api/v1/namespaces/default");
    assertThat(after.json().path("metadata").path("resourceVersion"))
        .as(after.describe())
        .isEqualTo(before.json().path("metadata").path("resourceVersion"));
    assertThat(after.json().path("metadata").path("labels").has("posted"))
        .as(after.describe())
        .isFalse();
  }
}
