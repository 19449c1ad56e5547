package io.vessel.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code PodLogOptions} a container-log request carries in its query, decoded and validated as
 * the kubelet does: an undecodable value is a 400, a value that fails validation a 422. Parameters
 * the kubelet would not act on are rejected (400) rather than ignored.
 *
 * @param follow keep streaming what the container writes until it stops
 * @param previous the container's previous attempt instead of its current one
 * @param timestamps prefix every line with its RFC 3339 (nano) time and a space
 * @param tailLines only the last N lines of what exists when the request starts
 * @param limitBytes stop after this many bytes of output
 * @param since only lines written at or after this instant ({@code sinceSeconds} or {@code
 *     sinceTime})
 */
record LogOptions(
    boolean follow,
    boolean previous,
    boolean timestamps,
    OptionalLong tailLines,
    OptionalLong limitBytes,
    Optional<Instant> since) {

  static final LogOptions DEFAULT =
      new LogOptions(
          false, false, false, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

  private static final Set<String> KNOWN =
      Set.of(
          "follow", "previous", "timestamps", "tailLines", "limitBytes", "sinceSeconds",
          "sinceTime");

  /**
   * Decodes a request's query; {@code now} anchors {@code sinceSeconds}.
   *
   * @throws KubeletException 400 or 422, naming the parameter
   */
  static LogOptions parse(Map<String, List<String>> query, Instant now) {
    for (String name : query.keySet()) {
      if (!KNOWN.contains(name)) {
        throw KubeletException.badRequest("unsupported query parameter \"" + name + "\"");
      }
    }
    var tailLines = integer(query, "tailLines");
    var limitBytes = integer(query, "limitBytes");
    var sinceSeconds = integer(query, "sinceSeconds");
    var sinceTime = time(query, "sinceTime");
    if (tailLines.isPresent() && tailLines.getAsLong() < 0) {
      throw invalid("tailLines", tailLines.getAsLong(), "must be greater than or equal to 0");
    }
    if (limitBytes.isPresent() && limitBytes.getAsLong() < 1) {
      throw invalid("limitBytes", limitBytes.getAsLong(), "must be greater than 0");
    }
    if (sinceSeconds.isPresent() && sinceTime.isPresent()) {
      throw KubeletException.invalid(
          "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified");
    }
    if (sinceSeconds.isPresent() && sinceSeconds.getAsLong() < 1) {
      throw invalid("sinceSeconds", sinceSeconds.getAsLong(), "must be greater than 0");
    }
    Optional<Instant> since = sinceTime;
    if (sinceSeconds.isPresent()) {
      since = Optional.of(now.minus(Duration.ofSeconds(sinceSeconds.getAsLong())));
    }
    return new LogOptions(
        bool(query, "follow"),
        bool(query, "previous"),
        bool(query, "timestamps"),
        tailLines,
        limitBytes,
        since);
  }

  /** apimachinery's query bool: absent, {@code 0}, {@code f}, {@code false} are false. */
  private static boolean bool(Map<String, List<String>> query, String name) {
    String v = first(query, name);
    return v != null && !v.equals("0") && !v.equalsIgnoreCase("f") && !v.equalsIgnoreCase("false");
  }

  private static OptionalLong integer(Map<String, List<String>> query, String name) {
    String v = first(query, name);
    if (v == null || v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw KubeletException.badRequest(
          "unable to decode query: " + name + "=\"" + v + "\" is not an integer");
    }
  }

  private static Optional<Instant> time(Map<String, List<String>> query, String name) {
    String v = first(query, name);
    if (v == null || v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      throw KubeletException.badRequest(
          "unable to decode query: " + name + "=\"" + v + "\" is not an RFC 3339 time");
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    var values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static KubeletException invalid(String field, long value, String why) {
    return KubeletException.invalid(field + ": Invalid value: " + value + ": " + why);
  }
}
