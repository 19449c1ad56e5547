package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogFilterTest {
  static final String T1 = "2026-11-22T04:44:01.5Z";
  static final String T2 = "2026-11-22T04:44:02Z";
  static final String T3 = "2026-11-22T04:44:03.000000100Z";

  static LogOptions options(
      boolean timestamps, Long tailLines, Long limitBytes, String since) {
    return new LogOptions(
        false, false, timestamps,
        tailLines == null ? OptionalLong.empty() : OptionalLong.of(tailLines),
        limitBytes == null ? OptionalLong.empty() : OptionalLong.of(limitBytes),
        Optional.ofNullable(since).map(Instant::parse));
  }

  /** Adds each line and returns everything sent, caughtUp and finish included. */
  static String all(LogFilter filter, String... lines) {
    return add(filter, lines) + text(filter.finish());
  }

  static String add(LogFilter filter, String... lines) {
    var out = new StringBuilder();
    for (String line : lines) {
      out.append(text(filter.add(CriLogLine.parse(line))));
    }
    return out.toString();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("add, full lines, sends each message with its newline at once")
  void fullLines() {
    var filter = new LogFilter(LogOptions.DEFAULT);

    assertThat(add(filter, T1 + " stdout F one")).isEqualTo("one\n");
    assertThat(add(filter, T2 + " stderr F two")).isEqualTo("two\n");
  }

  @Test
  @DisplayName("add, partial records interleaved with the other stream, joins each stream's own")
  void joinsPartialsPerStream() {
    var filter = new LogFilter(LogOptions.DEFAULT);

    var out =
        all(
            filter,
            T1 + " stdout P hel",
            T1 + " stderr F oops",
            T2 + " stdout P lo ",
            T3 + " stdout F world");

    assertThat(out).isEqualTo("oops\nhello world\n");
  }

  @Test
  @DisplayName("timestamps, joined line, is prefixed once with its first record's RFC3339Nano time")
  void timestamps() {
    var filter = new LogFilter(options(true, null, null, null));

    var out = all(filter, T1 + " stdout P a", T2 + " stdout F b", T3 + " stdout F c");

    assertThat(out)
        .isEqualTo("2026-11-22T04:44:01.5Z ab\n2026-11-22T04:44:03.0000001Z c\n");
  }

  @Test
  @DisplayName("tailLines, before caughtUp, holds lines back and then sends only the last N")
  void tailLines() {
    var filter = new LogFilter(options(false, 2L, null, null));

    assertThat(add(filter, T1 + " stdout F 1", T1 + " stdout F 2", T2 + " stdout F 3"))
        .isEmpty();
    assertThat(text(filter.caughtUp())).isEqualTo("2\n3\n");
    assertThat(add(filter, T3 + " stdout F 4")).isEqualTo("4\n");
  }

  @Test
  @DisplayName("tailLines=0, following, skips the backlog but sends new lines")
  void tailZero() {
    var filter = new LogFilter(options(false, 0L, null, null));

    add(filter, T1 + " stdout F old");

    assertThat(text(filter.caughtUp())).isEmpty();
    assertThat(add(filter, T2 + " stdout F new")).isEqualTo("new\n");
  }

  @Test
  @DisplayName("since, lines older than it, are skipped; equal and newer are sent")
  void since() {
    var filter = new LogFilter(options(false, null, null, "2026-11-22T04:44:02Z"));

    assertThat(all(filter, T1 + " stdout F old", T2 + " stdout F same", T3 + " stdout F new"))
        .isEqualTo("same\nnew\n");
  }

  @Test
  @DisplayName("since with tailLines, filters the tail: fewer than N lines may remain, as upstream")
  void sinceAfterTail() {
    var filter = new LogFilter(options(false, 2L, null, "2026-11-22T04:44:03Z"));

    assertThat(all(filter, T1 + " stdout F a", T2 + " stdout F b", T3 + " stdout F c"))
        .isEqualTo("c\n");
  }

  @Test
  @DisplayName("limitBytes, reached mid-line, cuts the line and sends nothing more")
  void limitBytes() {
    var filter = new LogFilter(options(false, null, 6L, null));

    assertThat(add(filter, T1 + " stdout F four")).isEqualTo("four\n");
    assertThat(filter.exhausted()).isFalse();
    assertThat(add(filter, T2 + " stdout F five")).isEqualTo("f");
    assertThat(filter.exhausted()).isTrue();
    assertThat(all(filter, T3 + " stdout F six")).isEmpty();
  }

  @Test
  @DisplayName("limitBytes with timestamps, counts the prefix too")
  void limitBytesCountsPrefix() {
    var filter = new LogFilter(options(true, null, 10L, null));

    assertThat(all(filter, T2 + " stdout F x")).isEqualTo("2026-11-22");
  }

  @Test
  @DisplayName("finish, a partial line never completed, sends it without a newline")
  void finishFlushesPartial() {
    var filter = new LogFilter(LogOptions.DEFAULT);

    assertThat(all(filter, T1 + " stdout F done", T2 + " stdout P no newline"))
        .isEqualTo("done\nno newline");
  }

  @Test
  @DisplayName("add, a partial line past the pending limit, is sent; its rest has no timestamp")
  void boundsPendingPartial() {
    var filter = new LogFilter(options(true, null, null, null));
    String chunk = "x".repeat(LogFilter.MAX_PENDING_BYTES / 2);

    String first = add(filter, T1 + " stdout P " + chunk, T1 + " stdout P " + chunk);
    String rest = add(filter, T2 + " stdout F end");

    assertThat(first).startsWith("2026-11-22T04:44:01.5Z xxx").hasSize(23 + 2 * chunk.length());
    assertThat(rest).isEqualTo("end\n");
  }
}
