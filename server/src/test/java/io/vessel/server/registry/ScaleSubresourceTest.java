package io.vessel.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScaleSubresourceTest {

  @Test
  @DisplayName("scale of, deployment, carries identity, replicas and the selector text")
  void deploymentScale() throws IOException {
    JsonNode deployment =
        json(
            """
            {"metadata": {"name": "web", "namespace": "default", "uid": "u1",
              "resourceVersion": "42", "creationTimestamp": "2026-01-01T00:00:00Z",
              "labels": {"a": "b"}},
             "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"},
               "matchExpressions": [{"key": "tier", "operator": "In", "values": ["a", "b"]}]}},
             "status": {"replicas": 2}}
            """);

    JsonNode scale = ScaleSubresource.scaleOf(deployment);

    assertThat(scale)
        .isEqualTo(
            json(
                """
                {"kind": "Scale", "apiVersion": "autoscaling/v1",
                 "metadata": {"name": "web", "namespace": "default", "uid": "u1",
                   "resourceVersion": "42", "creationTimestamp": "2026-01-01T00:00:00Z"},
                 "spec": {"replicas": 3},
                 "status": {"replicas": 2, "selector": "app=web,tier in (a,b)"}}
                """));
  }

  @Test
  @DisplayName("scale of, replication controller with no status, reads its label-map selector")
  void replicationControllerScale() throws IOException {
    JsonNode rc =
        json(
            "{\"metadata\": {\"name\": \"rc\"}, \"spec\": {\"replicas\": 0,"
                + " \"selector\": {\"b\": \"2\", \"a\": \"1\"}}}");

    JsonNode scale = ScaleSubresource.scaleOf(rc);

    assertThat(scale.path("spec").has("replicas")).isFalse();
    assertThat(scale.path("status").path("replicas").asInt()).isZero();
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("a=1,b=2");
  }

  @Test
  @DisplayName("apply to, scale with a resourceVersion, sets replicas and keeps it as precondition")
  void applyConditional() throws IOException {
    JsonNode obj =
        json(
            "{\"metadata\": {\"name\": \"web\", \"resourceVersion\": \"9\"},"
                + " \"spec\": {\"replicas\": 1, \"paused\": true}}");
    JsonNode scale =
        json("{\"metadata\": {\"resourceVersion\": \"8\"}, \"spec\": {\"replicas\": 4}}");

    JsonNode out = ScaleSubresource.applyTo(obj, scale);

    assertThat(out.path("spec").path("replicas").asInt()).isEqualTo(4);
    assertThat(out.path("spec").path("paused").asBoolean()).isTrue();
    assertThat(out.path("metadata").path("resourceVersion").asText()).isEqualTo("8");
  }

  @Test
  @DisplayName("apply to, scale without resourceVersion, writes unconditionally")
  void applyUnconditional() throws IOException {
    JsonNode obj = json("{\"metadata\": {\"name\": \"web\", \"resourceVersion\": \"9\"}}");

    JsonNode out = ScaleSubresource.applyTo(obj, json("{\"spec\": {\"replicas\": 2}}"));

    assertThat(out.path("metadata").has("resourceVersion")).isFalse();
  }

  @Test
  @DisplayName("apply to, negative replicas, is 422 on the Scale")
  void negative() throws IOException {
    JsonNode obj = json("{\"metadata\": {\"name\": \"web\"}}");

    assertThatThrownBy(() -> ScaleSubresource.applyTo(obj, json("{\"spec\": {\"replicas\": -1}}")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1:"
                          + " must be greater than or equal to 0");
            });
  }

  private static JsonNode json(String s) throws IOException {
    return Serialization.json().readTree(s);
  }
}
