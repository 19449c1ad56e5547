package io.vessel.conformance.suites.foundation;

import static io.vessel.conformance.harness.StatusAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad updates (PUT) over HTTP with admin credentials: kube-apiserver's code, reason and message,
 * and the stored object stays as it was.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Update errors")
class UpdateErrorsIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  UpdateErrorsIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @Test
  @DisplayName(
      "update namespace, body name differs from the URL, returns 400 BadRequest and changes"
          + " nothing")
  void nameMismatchIsBadRequest() {
    // Given
    var existing = namespaces.create("renamed");
    var name = existing.path("metadata").path("name").asText();
    var other = namespaces.newName("other");
    var body = existing.deepCopy();
    metadata(body).put("name", other);
    metadata(body).putObject("labels").put("changed", "yes");

    // When
    var response = cluster.rest().put("/api/v1/namespaces/" + name, body);

    // Then: handlers/rest.go checkName
    var status = assertStatus(response, 400, "BadRequest");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo(
            "the name of the object ("
                + other
                + ") does not match the name on the URL ("
                + name
                + ")");
    assertUnchanged(existing);
    var absent = cluster.rest().get("/api/v1/namespaces/" + other);
    assertThat(absent.status()).as(absent.describe()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "update namespace, stale resourceVersion, returns 409 Conflict and keeps the newer write")
  void staleResourceVersionIsConflict() {
    // Given: a second writer has updated the namespace since it was read
    var original = namespaces.create("stale");
    var name = original.path("metadata").path("name").asText();
    var first = original.deepCopy();
    metadata(first).putObject("labels").put("step", "1");
    var firstResponse = cluster.rest().put("/api/v1/namespaces/" + name, first);
    assertThat(firstResponse.status()).as(firstResponse.describe()).isEqualTo(200);
    var current = firstResponse.json();
    var stale = original.deepCopy();
    metadata(stale).putObject("labels").put("step", "2");

    // When
    var response = cluster.rest().put("/api/v1/namespaces/" + name, stale);

    // Then: registry/store.go Update with OptimisticLockErrorMsg, errors.go NewConflict
    var status = assertStatus(response, 409, "Conflict");
    assertThat(status.path("message").asText())
        .as(response.describe())
        .isEqualTo(
            "Operation cannot be fulfilled on namespaces \""
                + name
                + "\": the object has been modified; please apply your changes to the latest"
                + " version and try again");
    assertThat(status.path("details").path("name").asText()).isEqualTo(name);
    assertThat(status.path("details").path("kind").asText()).isEqualTo("namespaces");
    assertUnchanged(current);
  }

  private void assertUnchanged(JsonNode expected) {
    var name = expected.path("metadata").path("name").asText();
    var read = cluster.rest().get("/api/v1/namespaces/" + name);
    assertThat(read.status()).as(read.describe()).isEqualTo(200);
    var actual = read.json().path("metadata");
    assertThat(actual.path("resourceVersion"))
        .as(read.describe())
        .isEqualTo(expected.path("metadata").path("resourceVersion"));
    assertThat(actual.path("labels"))
        .as(read.describe())
        .isEqualTo(expected.path("metadata").path("labels"));
  }

  private static ObjectNode metadata(JsonNode object) {
    return (ObjectNode) object.path("metadata");
  }
}
