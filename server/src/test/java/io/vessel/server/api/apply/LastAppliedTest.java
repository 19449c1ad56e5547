package io.vessel.server.api.apply;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vessel.server.api.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Server-side apply by kubectl over an object kubectl applied client-side. */
class LastAppliedTest {
  private static final String NOW = "2026-01-01T00:00:00Z";

  /** replicas 2 applied client-side; paused set since by someone else (not in the annotation). */
  private static JsonNode live() {
    return json(
        "{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':"
            + "'{\\\"spec\\\":{\\\"replicas\\\":2}}'},'managedFields':[{'manager':"
            + "'kubectl-client-side-apply','operation':'Update','apiVersion':'apps/v1',"
            + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{},'f:paused':{}}}}]},"
            + "'spec':{'replicas':2,'paused':true}}");
  }

  private static FieldManager.Applied apply(String manager, String config) {
    return FieldManager.apply(
        live(), (ObjectNode) json(config), Deployment.class, manager, "apps/v1", "", false, NOW);
  }

  @Test
  @DisplayName("apply, kubectl over a field it applied client-side, taken over and annotation kept")
  void takesOver() {
    // When
    var applied = apply("kubectl", "{'spec':{'replicas':3}}");

    // Then
    assertThat(applied.object().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(
            applied
                .object()
                .at("/metadata/annotations")
                .get("kubectl.kubernetes.io/last-applied-configuration")
                .asText())
        .isEqualTo("{\"spec\":{\"replicas\":3}}");
  }

  @Test
  @DisplayName("apply, kubectl over a field not in last-applied, still a conflict")
  void otherFieldsConflict() {
    assertThatThrownBy(() -> apply("kubectl", "{'spec':{'replicas':3,'paused':false}}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\""
                            + " using apps/v1: .spec.paused"));
  }

  @Test
  @DisplayName("apply, another manager over a client-side applied field, a conflict")
  void onlyKubectl() {
    assertThatThrownBy(() -> apply("helm", "{'spec':{'replicas':3}}"))
        .isInstanceOf(ApiException.class);
  }
}
