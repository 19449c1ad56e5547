package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vessel.server.api.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodLogOptionsTest {

  private static MultiMap query(String... kv) {
    var m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("parse, kubectl logs -f --tail --timestamps, forwarded to the agent as given")
  void forwarded() {
    var opts =
        PodLogOptions.parse(
            query("container", "c", "follow", "true", "tailLines", "10", "timestamps", "true"),
            "web");

    assertThat(opts.container()).isEqualTo("c");
    assertThat(opts.agentQuery())
        .containsExactly(
            java.util.Map.entry("follow", "true"),
            java.util.Map.entry("timestamps", "true"),
            java.util.Map.entry("tailLines", "10"));
  }

  @Test
  @DisplayName("parse, nothing given, no options for the agent")
  void empty() {
    assertThat(PodLogOptions.parse(query(), "web").agentQuery()).isEmpty();
  }

  @Test
  @DisplayName("validate, negative tailLines and zero limitBytes, 422 naming both fields")
  void invalid() {
    assertThatThrownBy(
            () -> PodLogOptions.parse(query("tailLines", "-1", "limitBytes", "0"), "web"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "PodLogOptions \"web\" is invalid: [tailLines: Invalid value: -1: must be"
                          + " greater than or equal to 0, limitBytes: Invalid value: 0: must be"
                          + " greater than 0]");
            });
  }

  @Test
  @DisplayName("validate, sinceSeconds with sinceTime, 422 forbidden")
  void sinceBoth() {
    assertThatThrownBy(
            () ->
                PodLogOptions.parse(
                    query("sinceSeconds", "5", "sinceTime", "2026-01-01T00:00:00Z"), "web"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getMessage())
                    .endsWith(
                        "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
  }

  @Test
  @DisplayName("parse, a number that is not one, 400")
  void unparsable() {
    assertThatThrownBy(() -> PodLogOptions.parse(query("tailLines", "ten"), "web"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
