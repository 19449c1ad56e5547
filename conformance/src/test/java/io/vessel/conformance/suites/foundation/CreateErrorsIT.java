package io.vessel.conformance.suites.foundation;

import static io.vessel.conformance.harness.StatusAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad creates over HTTP with admin credentials: each gets kube-apiserver's code, reason and
 * message, and nothing is created or changed.
 *
 * <p>Messages are pinned to kube-apiserver 1.33 (k8s.io/apiserver and k8s.io/apimachinery at
 * v0.33.0); the source of each is named where it is used.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Create errors")
class CreateErrorsIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  CreateErrorsIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @Test
  @DisplayName("create namespace, malformed JSON body, returns 400 BadRequest and creates nothing")
  void malformedJsonIsBadRequest() {
    // Given: a body cut off before its last brace
    var name = namespaces.newName("malformed");
    var body =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}";

    // When
    var response = cluster.rest().post("/api/v1/namespaces", body);

    // Then: handlers/rest.go transformDecodeError wraps json/meta.go Interpret's error and
    // appends the first 30 bytes of the body (summarizeData); the parser's own words between
    // the two are implementation detail and not pinned.
    var status = assertStatus(response, 400, "BadRequest");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .startsWith(
            "the object provided is unrecognized (must be of type Namespace): "
                + "couldn't get version/kind; json parse error: ")
        .endsWith(" (" + body.substring(0, 30) + " ...)");
    assertNamespaceAbsent(name);
  }

  @Test
  @DisplayName("create namespace, body of kind Pod, returns 400 BadRequest and creates nothing")
  void wrongKindIsBadRequest() {
    // Given
    var name = namespaces.newName("wrong-kind");
    var body = Json.object().put("apiVersion", "v1").put("kind", "Pod");
    body.putObject("metadata").put("name", name);

    // When
    var response = cluster.rest().post("/api/v1/namespaces", body);

    // Then: the decoder reads a v1 Pod and cannot convert it to the Namespace the endpoint
    // expects (conversion/converter.go), which transformDecodeError reports with the body's kind
    var status = assertStatus(response, 400, "BadRequest");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo(
            "Pod in version \"v1\" cannot be handled as a Namespace: "
                + "converting (v1.Pod) to (core.Namespace): unknown conversion");
    assertNamespaceAbsent(name);
    var pod = cluster.rest().get("/api/v1/namespaces/default/pods/" + name);
    assertThat(pod.status()).as(pod.describe()).isEqualTo(404);
  }

  @Test
  @DisplayName("create namespace, name Foo_Bar, returns 422 Invalid with a metadata.name cause")
  void invalidNameIsInvalid() {
    // Given
    var body = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
    body.putObject("metadata").put("name", "Foo_Bar");

    // When
    var response = cluster.rest().post("/api/v1/namespaces", body);

    // Then: errors.go NewInvalid over a field.Invalid from util/validation IsDNS1123Label
    // (RegexError really puts two spaces before "or")
    var detail =
        "Invalid value: \"Foo_Bar\": a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric"
            + " character (e.g. 'my-name',  or '123-abc', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    var status = assertStatus(response, 422, "Invalid");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo("Namespace \"Foo_Bar\" is invalid: metadata.name: " + detail);
    var details = status.path("details");
    assertThat(details.path("name").asText()).as(response.describe()).isEqualTo("Foo_Bar");
    assertThat(details.path("kind").asText()).as(response.describe()).isEqualTo("Namespace");
    assertThat(details.path("causes")).as(response.describe()).hasSize(1);
    var cause = details.path("causes").path(0);
    assertThat(cause.path("field").asText()).as(response.describe()).isEqualTo("metadata.name");
    assertThat(cause.path("reason").asText())
        .as(response.describe())
        .isEqualTo("FieldValueInvalid");
    assertThat(cause.path("message").asText()).as(response.describe()).isEqualTo(detail);
    var list = cluster.rest().get("/api/v1/namespaces");
    assertThat(list.json().path("items").findValuesAsText("name"))
        .as(list.describe())
        .doesNotContain("Foo_Bar");
  }

  @Test
  @DisplayName(
      "create namespace, name already taken, returns 409 AlreadyExists and keeps the original")
  void duplicateIsAlreadyExists() {
    // Given
    var existing = namespaces.create("taken");
    var name = existing.path("metadata").path("name").asText();
    var body = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
    body.putObject("metadata").put("name", name).putObject("labels").put("second", "yes");

    // When
    var response = cluster.rest().post("/api/v1/namespaces", body);

    // Then: errors.go NewAlreadyExists
    var status = assertStatus(response, 409, "AlreadyExists");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo("namespaces \"" + name + "\" already exists");
    assertThat(status.path("details").path("name").asText()).isEqualTo(name);
    assertThat(status.path("details").path("kind").asText()).isEqualTo("namespaces");
    var read = cluster.rest().get("/api/v1/namespaces/" + name);
    assertThat(read.json().path("metadata").path("uid"))
        .as(read.describe())
        .isEqualTo(existing.path("metadata").path("uid"));
    assertThat(read.json().path("metadata").path("labels").has("second"))
        .as(read.describe())
        .isFalse();
  }

  private void assertNamespaceAbsent(String name) {
    var read = cluster.rest().get("/api/v1/namespaces/" + name);
    assertThat(read.status()).as(read.describe()).isEqualTo(404);
  }
}
