package io.vessel.agent;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;

/**
 * One line of a CRI container log file, as containerd and CRI-O write it: {@code <time> <stream>
 * <tag> <content>}, where time is RFC 3339 with nanoseconds, stream is {@code stdout} or {@code
 * stderr}, and the tag's first part is {@code P} (a partial line, continued by the stream's next
 * line) or {@code F} (the line ends here); further tags after a {@code :} are ignored.
 *
 * <p>The content stays bytes: a container may write anything, and {@code limitBytes} counts bytes.
 * A record's equals therefore compares {@code content} by identity; tests compare {@link #text()}.
 *
 * @param time when the runtime read the line, with the offset it was written in
 * @param content what the container wrote, without the line's trailing newline
 */
record CriLogLine(OffsetDateTime time, String stream, boolean partial, byte[] content) {
  static final String STDOUT = "stdout";
  static final String STDERR = "stderr";

  /** Go's {@code time.RFC3339Nano}: no trailing zeros in the fraction, {@code Z} for UTC. */
  static final DateTimeFormatter RFC3339_NANO =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .appendOffset("+HH:MM", "Z")
          .toFormatter(Locale.ROOT);

  /**
   * Parses one line of the file, without its newline.
   *
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  static CriLogLine parse(byte[] line) {
    int timeEnd = indexOf(line, (byte) ' ', 0);
    int streamEnd = timeEnd < 0 ? -1 : indexOf(line, (byte) ' ', timeEnd + 1);
    if (streamEnd < 0) {
      throw new IllegalArgumentException("not a CRI log line: no time, stream and tag");
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(ascii(line, 0, timeEnd));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a CRI log line: bad time " + e.getParsedString());
    }
    String stream = ascii(line, timeEnd + 1, streamEnd);
    if (!STDOUT.equals(stream) && !STDERR.equals(stream)) {
      throw new IllegalArgumentException("not a CRI log line: unknown stream " + stream);
    }
    // the content may be empty, and then the separator after the tag may be missing too
    int tagEnd = indexOf(line, (byte) ' ', streamEnd + 1);
    int contentStart = tagEnd < 0 ? line.length : tagEnd + 1;
    String tags = ascii(line, streamEnd + 1, tagEnd < 0 ? line.length : tagEnd);
    String tag = tags.split(":", 2)[0];
    if (!tag.equals("P") && !tag.equals("F")) {
      throw new IllegalArgumentException("not a CRI log line: unknown tag " + tags);
    }
    return new CriLogLine(
        time, stream, tag.equals("P"), Arrays.copyOfRange(line, contentStart, line.length));
  }

  static CriLogLine parse(String line) {
    return parse(line.getBytes(StandardCharsets.UTF_8));
  }

  /** The content as UTF-8 text. */
  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The time as {@code kubectl logs --timestamps} shows it. */
  String formattedTime() {
    return RFC3339_NANO.format(time);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String ascii(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }
}
