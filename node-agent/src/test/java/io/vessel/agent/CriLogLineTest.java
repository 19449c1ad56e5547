package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriLogLineTest {

  @Test
  @DisplayName("parse, containerd full stdout line, gives time, stream, F and the content")
  void parsesFullLine() {
    // When
    var line = CriLogLine.parse("2026-11-22T04:44:15.123456789Z stdout F hello world");

    // Then
    assertThat(line.time())
        .isEqualTo(OffsetDateTime.of(2026, 11, 22, 4, 44, 15, 123456789, ZoneOffset.UTC));
    assertThat(line.stream()).isEqualTo("stdout");
    assertThat(line.partial()).isFalse();
    assertThat(line.text()).isEqualTo("hello world");
  }

  @Test
  @DisplayName("parse, partial stderr line with extra tags, is partial and keeps inner spaces")
  void parsesPartialLineWithTags() {
    var line = CriLogLine.parse("2026-11-22T04:44:15+01:00 stderr P:x  two  spaces ");

    assertThat(line.stream()).isEqualTo("stderr");
    assertThat(line.partial()).isTrue();
    assertThat(line.text()).isEqualTo(" two  spaces ");
    assertThat(line.time().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  @DisplayName("parse, empty content with or without the separator, is an empty line")
  void parsesEmptyContent() {
    assertThat(CriLogLine.parse("2026-11-22T04:44:15Z stdout F ").text()).isEmpty();
    assertThat(CriLogLine.parse("2026-11-22T04:44:15Z stdout F").text()).isEmpty();
  }

  @Test
  @DisplayName("parse, content that is not UTF-8, keeps the bytes as written")
  void keepsBytes() {
    byte[] raw = "2026-11-22T04:44:15Z stdout F \u00ff".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(CriLogLine.parse(raw).content()).containsExactly((byte) 0xff);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no separators      | garbage",
        "bad time           | yesterday stdout F hi",
        "unknown stream     | 2026-11-22T04:44:15Z stdin F hi",
        "unknown tag        | 2026-11-22T04:44:15Z stdout X hi",
        "time only          | 2026-11-22T04:44:15Z stdout"
      })
  @DisplayName("parse, malformed line, is rejected")
  void rejectsMalformed(String name, String line) {
    assertThatThrownBy(() -> CriLogLine.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a CRI log line");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-22T04:44:15.123456789Z, 2026-11-22T04:44:15.123456789Z",
    "2026-11-22T04:44:15.120000000Z, 2026-11-22T04:44:15.12Z",
    "2026-11-22T04:44:15.000000000Z, 2026-11-22T04:44:15Z",
    "2026-11-22T05:44:15.5+01:00, 2026-11-22T05:44:15.5+01:00"
  })
  @DisplayName("formattedTime, any CRI time, is Go's RFC3339Nano in the time's own offset")
  void formatsRfc3339Nano(String written, String shown) {
    assertThat(CriLogLine.parse(written + " stdout F x").formattedTime()).isEqualTo(shown);
  }
}
