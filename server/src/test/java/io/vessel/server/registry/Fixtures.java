package io.vessel.server.registry;

import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Test objects written as YAML, the way manifests are, and a fixed clock for age cells. */
public final class Fixtures {
  /** "Now" for table cells; fixture timestamps are written relative to it. */
  public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private Fixtures() {}

  public static <T> T yaml(String yaml, Class<T> type) {
    try {
      return Serialization.decode(Serialization.yaml().readTree(yaml), type).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The RFC 3339 time {@code seconds} before {@link #NOW}. */
  public static String ago(long seconds) {
    return NOW.minusSeconds(seconds).toString();
  }
}
