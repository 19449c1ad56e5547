package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogOptionsTest {
  static final Instant NOW = Instant.parse("2026-11-22T04:44:15Z");

  static Map<String, List<String>> query(String... pairs) {
    var q = new LinkedHashMap<String, List<String>>();
    for (int i = 0; i < pairs.length; i += 2) {
      q.put(pairs[i], List.of(pairs[i + 1]));
    }
    return q;
  }

  @Test
  @DisplayName("parse, empty query, is the whole current log once")
  void defaults() {
    assertThat(LogOptions.parse(Map.of(), NOW)).isEqualTo(LogOptions.DEFAULT);
  }

  @Test
  @DisplayName("parse, every option, decodes each")
  void decodesAll() {
    var options =
        LogOptions.parse(
            query(
                "follow", "true", "previous", "1", "timestamps", "True", "tailLines", "10",
                "limitBytes", "500", "sinceTime", "2026-11-22T04:00:00+01:00"),
            NOW);

    assertThat(options)
        .isEqualTo(
            new LogOptions(
                true, true, true, OptionalLong.of(10), OptionalLong.of(500),
                Optional.of(Instant.parse("2026-11-22T03:00:00Z"))));
  }

  @Test
  @DisplayName("parse, sinceSeconds, is that long before now")
  void sinceSeconds() {
    assertThat(LogOptions.parse(query("sinceSeconds", "60"), NOW).since())
        .contains(NOW.minusSeconds(60));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"false, false", "0, false", "F, false", "FALSE, false", "true, true", "yes, true",
      "'', true"})
  @DisplayName("parse, a bool as apimachinery converts it: only 0, f and false are false")
  void bools(String value, boolean expected) {
    assertThat(LogOptions.parse(query("follow", value), NOW).follow()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tailLines | -1 | 422 | tailLines: Invalid value: -1: must be greater than or equal to 0",
        "limitBytes   | 0  | 422 | limitBytes: Invalid value: 0: must be greater than 0",
        "sinceSeconds | 0  | 422 | sinceSeconds: Invalid value: 0: must be greater than 0",
        "tailLines    | x  | 400 | unable to decode query: tailLines=\"x\" is not an integer",
        "sinceTime    | x  | 400 | unable to decode query: sinceTime=\"x\" is not an RFC 3339 time",
        "tail         | 5  | 400 | unsupported query parameter \"tail\""
      })
  @DisplayName("parse, a bad value or parameter, is refused with the kubelet's status")
  void refuses(String param, String value, int status, String message) {
    assertThatThrownBy(() -> LogOptions.parse(query(param, value), NOW))
        .isInstanceOfSatisfying(
            KubeletException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessage(message);
  }

  @Test
  @DisplayName("parse, sinceSeconds and sinceTime together, is a 422")
  void sinceTwice() {
    assertThatThrownBy(
            () ->
                LogOptions.parse(
                    query("sinceSeconds", "5", "sinceTime", "2026-11-22T04:00:00Z"), NOW))
        .isInstanceOfSatisfying(
            KubeletException.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageContaining("at most one of `sinceTime` or `sinceSeconds`");
  }
}
