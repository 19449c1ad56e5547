package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.NestingDepth;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.apply.ApplyRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Request bodies nested deeper than {@link NestingDepth#MAX} are refused before any recursion. */
class BodyNestingTest {

  /** A ConfigMap whose unknown field {@code zzz} holds objects nested to a total depth of {@code depth}. */
  private static String configMap(int depth) {
    // the ConfigMap itself is level 1, so zzz's value holds depth - 1 levels
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\"},\"zzz\":"
        + "{\"a\":".repeat(depth - 1)
        + "1"
        + "}".repeat(depth - 1)
        + "}";
  }

  @Test
  @DisplayName("depth, scalars, flat and nested containers, counts container levels")
  void measuresDepth() throws Exception {
    assertThat(NestingDepth.of(Serialization.json().readTree("1"))).isZero();
    assertThat(NestingDepth.of(Serialization.json().readTree("{}"))).isEqualTo(1);
    assertThat(NestingDepth.of(Serialization.json().readTree("{\"a\":[1,{\"b\":[]}],\"c\":2}")))
        .isEqualTo(4);
    assertThat(NestingDepth.of(Serialization.json().readTree(configMap(150)))).isEqualTo(150);
  }

  @Test
  @DisplayName("parse, body nested to the limit, is accepted")
  void acceptsTheLimit() {
    var body = Buffer.buffer(configMap(NestingDepth.MAX));

    assertThat(BodyDecoder.parse(body, "application/json", "ConfigMap").path("kind").asText())
        .isEqualTo("ConfigMap");
  }

  @Test
  @DisplayName("parse, JSON body one level deeper than the limit, is a 400 naming the limit")
  void refusesDeeperJson() {
    var body = Buffer.buffer(configMap(NestingDepth.MAX + 1));

    assertThatThrownBy(() -> BodyDecoder.parse(body, "application/json", "ConfigMap"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage())
                  .startsWith("the object provided is unrecognized (must be of type ConfigMap)")
                  .contains("Document nesting depth (201) exceeds the maximum allowed (200)");
            });
  }

  @Test
  @DisplayName("parse, YAML body deeper than the limit, is a 400")
  void refusesDeeperYaml() {
    var yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nzzz: "
            + "[".repeat(500)
            + "]".repeat(500)
            + "\n";
    var body = Buffer.buffer(yaml.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> BodyDecoder.parse(body, "application/yaml", "ConfigMap"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  @DisplayName("apply, configuration deeper than the limit, is a 400 before any merging")
  void refusesDeeperApply() {
    var body = configMap(NestingDepth.MAX + 50).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ApplyRequest.parse(body, "v1", "ConfigMap"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("error decoding YAML: Document nesting depth");
            });
  }
}
