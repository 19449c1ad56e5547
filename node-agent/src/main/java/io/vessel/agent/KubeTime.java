package io.vessel.agent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The API's two timestamp formats: {@code Time} (seconds) and {@code MicroTime}. */
final class KubeTime {
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private KubeTime() {}

  /** RFC 3339 in seconds, as {@code metav1.Time} is written: {@code 2026-11-22T04:44:15Z}. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** A CRI timestamp (nanoseconds since the epoch) as {@code metav1.Time}; null for 0. */
  static String fromNanos(long nanos) {
    return nanos <= 0 ? null : time(Instant.ofEpochSecond(0, nanos));
  }

  /** {@code metav1.MicroTime}, as Lease renewTime is written. */
  static String micro(Instant instant) {
    return MICRO.format(instant);
  }
}
