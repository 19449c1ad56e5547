package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything one logical watch delivered across its connections, as a client that follows a
 * resource saw it: segments in order, each opened either by resuming from the last
 * resourceVersion seen, or by a relist after the server answered a resume with 410 Gone.
 *
 * @param segments the segments in the order the client opened them
 */
public record WatchHistory(List<Segment> segments) {

  public WatchHistory {
    segments = List.copyOf(segments);
  }

  /**
   * One connection's worth of events.
   *
   * @param fromResourceVersion the resourceVersion the watch was opened at
   * @param relisted the items of the list taken just before (at {@code fromResourceVersion}), or
   *     null when this segment resumed without a relist
   * @param events the ADDED, MODIFIED and DELETED events, in arrival order (no bookmarks)
   * @param server the server that delivered them, for failure messages
   */
  public record Segment(
      long fromResourceVersion, List<JsonNode> relisted, List<WatchEvent> events, String server) {

    public Segment {
      relisted = relisted == null ? null : List.copyOf(relisted);
      events = List.copyOf(events);
    }
  }

  /** All events of all segments, in order. */
  public List<WatchEvent> events() {
    return segments.stream().flatMap(segment -> segment.events().stream()).toList();
  }

  /** The resourceVersion of an event's object. */
  public static long resourceVersion(WatchEvent event) {
    return Long.parseLong(event.object().path("metadata").path("resourceVersion").asText("0"));
  }
}
