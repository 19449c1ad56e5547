package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Proves that a watch history is what a correct server must have sent:
 *
 * <ul>
 *   <li><b>ordered, no duplicates:</b> resourceVersions strictly increase across the whole history,
 *       resumes and relists included;
 *   <li><b>consistent:</b> replayed onto the state it started from (or the latest relist), every
 *       ADDED is for an absent object, every MODIFIED and DELETED for a present one, and ADDED and
 *       MODIFIED objects match the watch's selector;
 *   <li><b>gap-free:</b> every acknowledged write whose result the watch selects appears, at its
 *       resourceVersion, for its object and value; only the revisions a relist skipped over are
 *       excused;
 *   <li><b>complete:</b> the replay ends at exactly the final state (names and resourceVersions).
 * </ul>
 */
public final class WatchHistoryCheck {

  /** Problems quoted in a failure message. */
  private static final int QUOTED = 15;

  /**
   * What was checked.
   *
   * @param events events replayed
   * @param acknowledgedWrites acknowledged writes that had to appear, and did
   * @param excusedWrites acknowledged writes skipped over by a relist after 410
   * @param segments connections the history spans
   * @param relists relists after 410
   */
  public record Verdict(
      long events, long acknowledgedWrites, long excusedWrites, int segments, int relists) {}

  private WatchHistoryCheck() {}

  /**
   * Checks {@code history}.
   *
   * @param name the watch's name, for messages
   * @param history what the watch received
   * @param initial the objects the watch selected at the history's first resourceVersion, by name
   * @param selects whether the watch selects an object
   * @param acks the acknowledged writes to the watched collection
   * @param finalState the objects the watch selects after the last write, by name
   * @throws AssertionError listing the first problems found
   */
  public static Verdict check(
      String name,
      WatchHistory history,
      Map<String, JsonNode> initial,
      Predicate<JsonNode> selects,
      Collection<AckedWrites.Ack> acks,
      Map<String, JsonNode> finalState) {
    var problems = new ArrayList<String>();
    var state = new HashMap<>(initial);
    var seen = new HashMap<Long, WatchEvent>();
    var excused = new ArrayList<long[]>();
    long start = history.segments().get(0).fromResourceVersion();
    long last = start;
    long events = 0;
    int relists = 0;
    for (var segment : history.segments()) {
      long from = segment.fromResourceVersion();
      if (from < last) {
        problems.add(
            "segment from " + segment.server() + " opened at " + from + " after seeing " + last);
      }
      if (segment.relisted() != null) {
        relists++;
        excused.add(new long[] {last, from});
        state.clear();
        segment.relisted().forEach(item -> state.put(nameOf(item), item));
      }
      last = Math.max(last, from);
      for (var event : segment.events()) {
        events++;
        long rv = WatchHistory.resourceVersion(event);
        var object = event.object();
        var key = nameOf(object);
        if (seen.containsKey(rv)) {
          problems.add("duplicate: " + describe(event) + " arrived twice");
        } else if (rv <= last) {
          problems.add("out of order: " + describe(event) + " after resourceVersion " + last);
        }
        seen.putIfAbsent(rv, event);
        last = Math.max(last, rv);
        switch (event.type()) {
          case "ADDED" -> {
            if (state.containsKey(key)) {
              problems.add("ADDED for an object already there: " + describe(event));
            }
            requireSelected(selects, event, problems);
            state.put(key, object);
          }
          case "MODIFIED" -> {
            if (!state.containsKey(key)) {
              problems.add("MODIFIED for an object never added: " + describe(event));
            }
            requireSelected(selects, event, problems);
            state.put(key, object);
          }
          case "DELETED" -> {
            if (state.remove(key) == null) {
              problems.add("DELETED for an object never added: " + describe(event));
            }
          }
          default -> problems.add("unexpected event type: " + describe(event));
        }
      }
    }
    long expected = 0;
    long skipped = 0;
    for (var ack : acks) {
      long rv = ack.resourceVersion();
      if (rv <= start || rv > last) {
        continue; // before the watch started, or after the history ends
      }
      if (isExcused(rv, excused)) {
        skipped++;
        continue;
      }
      var event = seen.get(rv);
      if (!selects.test(ack.object())) {
        // leaving the selection is a DELETED at this revision, if the object was selected before
        if (event != null && !nameOf(event.object()).equals(ack.name())) {
          problems.add("revision " + rv + " of " + ack.name() + " arrived as " + describe(event));
        }
        continue;
      }
      expected++;
      if (event == null) {
        problems.add(
            "gap: acknowledged write " + ack.name() + " v=" + ack.value() + " at " + rv
                + " never arrived");
      } else if (!nameOf(event.object()).equals(ack.name())
          || !event.object().path("data").path("v").asText().equals(Integer.toString(ack.value()))) {
        problems.add(
            "revision " + rv + " is " + ack.name() + " v=" + ack.value() + " but arrived as "
                + describe(event));
      }
    }
    compareFinal(state, finalState, problems);
    if (!problems.isEmpty()) {
      var text = new StringBuilder(name)
          .append(": ").append(problems.size()).append(" problem(s) in ").append(events)
          .append(" events over ").append(history.segments().size()).append(" segment(s)");
      problems.stream().limit(QUOTED).forEach(p -> text.append("\n  ").append(p));
      throw new AssertionError(text.toString());
    }
    return new Verdict(events, expected, skipped, history.segments().size(), relists);
  }

  private static void compareFinal(
      Map<String, JsonNode> replayed, Map<String, JsonNode> finalState, List<String> problems) {
    var names = new TreeMap<String, String>();
    replayed.keySet().forEach(n -> names.put(n, ""));
    finalState.keySet().forEach(n -> names.put(n, ""));
    for (var key : names.keySet()) {
      var got = replayed.get(key);
      var want = finalState.get(key);
      if (want == null) {
        problems.add("replay ends with " + key + " at " + rvOf(got) + ", which is not there");
      } else if (got == null) {
        problems.add("replay ends without " + key + ", which is there at " + rvOf(want));
      } else if (!rvOf(got).equals(rvOf(want))) {
        problems.add(
            "replay ends with " + key + " at " + rvOf(got) + ", but it is at " + rvOf(want));
      }
    }
  }

  private static void requireSelected(
      Predicate<JsonNode> selects, WatchEvent event, List<String> problems) {
    if (!selects.test(event.object())) {
      problems.add("the selector does not select " + describe(event));
    }
  }

  private static boolean isExcused(long rv, List<long[]> ranges) {
    for (var range : ranges) {
      if (rv > range[0] && rv <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private static String nameOf(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  private static String rvOf(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asText();
  }

  private static String describe(WatchEvent event) {
    return event.type() + " " + nameOf(event.object()) + " v="
        + event.object().path("data").path("v").asText("?") + " at "
        + rvOf(event.object());
  }

  /** A selector on labels, {@code key=value}, as a predicate over objects. */
  public static Predicate<JsonNode> labelEquals(String key, String value) {
    return object -> value.equals(object.path("metadata").path("labels").path(key).asText(null));
  }

  /** The selector that selects everything. */
  public static Predicate<JsonNode> everything() {
    return object -> true;
  }
}
