package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatchStreamTest {

  @Test
  @DisplayName("read events, concatenated JSON objects, decodes type and object in order")
  void decodesConcatenatedEvents() {
    // Given: the framing kube-apiserver uses for JSON watches, with and without newlines
    var object = "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}";
    var body =
        "{\"type\":\"ADDED\",\"object\":"
            + object
            + "}\n"
            + "{\"type\":\"MODIFIED\",\"object\":"
            + object
            + "}"
            + "{\"type\":\"DELETED\",\"object\":"
            + object
            + "}\n";
    var head = new RestResponse("GET", "/w", 200, HttpHeaders.of(Map.of(), (k, v) -> true), "");

    // When
    try (var watch =
        new WatchStream(
            "/w", head, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {

      // Then
      Await.untilAsserted("the stream ends", () -> assertThat(watch.ended()).isTrue());
      assertThat(watch.events())
          .extracting(WatchEvent::type, WatchEvent::name)
          .containsExactly(tuple("ADDED", "a"), tuple("MODIFIED", "a"), tuple("DELETED", "a"));
    }
  }
}
