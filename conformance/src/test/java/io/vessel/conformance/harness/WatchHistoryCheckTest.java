package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatchHistoryCheckTest {

  private static JsonNode cm(String name, int value, long rv) {
    var object = Json.object();
    object
        .putObject("metadata")
        .put("name", name)
        .put("resourceVersion", Long.toString(rv))
        .putObject("labels")
        .put("fault-parity", value % 2 == 0 ? "even" : "odd");
    object.putObject("data").put("v", Integer.toString(value));
    return object;
  }

  private static WatchEvent event(String type, String name, int value, long rv) {
    return new WatchEvent(type, cm(name, value, rv));
  }

  private static AckedWrites.Ack ack(String name, int value, long rv) {
    return new AckedWrites.Ack(name, value, rv, cm(name, value, rv));
  }

  private static WatchHistory.Segment resumed(long from, WatchEvent... events) {
    return new WatchHistory.Segment(from, null, List.of(events), "https://a");
  }

  // a: created at 11 (v0), updated at 12 (v1); b: created at 13 (v0)
  private static final List<AckedWrites.Ack> ACKS = List.of(ack("a", 0, 11), ack("a", 1, 12), ack("b", 0, 13));
  private static final Map<String, JsonNode> FINAL = Map.of("a", cm("a", 1, 12), "b", cm("b", 0, 13));

  @Test
  @DisplayName("check, stream cut and resumed from its last revision, passes and counts every write")
  void resumedStreamPasses() {
    var history =
        new WatchHistory(
            List.of(
                resumed(10, event("ADDED", "a", 0, 11)),
                resumed(11, event("MODIFIED", "a", 1, 12), event("ADDED", "b", 0, 13))));

    var verdict =
        WatchHistoryCheck.check("w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL);

    assertThat(verdict.events()).isEqualTo(3);
    assertThat(verdict.acknowledgedWrites()).isEqualTo(3);
    assertThat(verdict.segments()).isEqualTo(2);
  }

  @Test
  @DisplayName("check, an acknowledged write missing from the stream, fails naming the gap")
  void gapFails() {
    var history =
        new WatchHistory(List.of(resumed(10, event("ADDED", "a", 0, 11), event("ADDED", "b", 0, 13))));

    assertThatThrownBy(
            () ->
                WatchHistoryCheck.check(
                    "w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL))
        .hasMessageContaining("gap: acknowledged write a v=1 at 12 never arrived")
        .hasMessageContaining("replay ends with a at 11, but it is at 12");
  }

  @Test
  @DisplayName("check, an event delivered twice across a resume, fails as a duplicate")
  void duplicateFails() {
    var history =
        new WatchHistory(
            List.of(
                resumed(10, event("ADDED", "a", 0, 11), event("MODIFIED", "a", 1, 12)),
                resumed(11, event("MODIFIED", "a", 1, 12), event("ADDED", "b", 0, 13))));

    assertThatThrownBy(
            () ->
                WatchHistoryCheck.check(
                    "w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL))
        .hasMessageContaining("duplicate: MODIFIED a v=1 at 12 arrived twice");
  }

  @Test
  @DisplayName("check, events out of revision order, fails")
  void reorderFails() {
    var history =
        new WatchHistory(
            List.of(
                resumed(
                    10,
                    event("ADDED", "a", 0, 11),
                    event("ADDED", "b", 0, 13),
                    event("MODIFIED", "a", 1, 12))));

    assertThatThrownBy(
            () ->
                WatchHistoryCheck.check(
                    "w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL))
        .hasMessageContaining("out of order: MODIFIED a v=1 at 12 after resourceVersion 13");
  }

  @Test
  @DisplayName("check, relist after 410, excuses only the revisions the relist skipped")
  void relistExcusesSkippedRevisions() {
    var relisted =
        new WatchHistory.Segment(12, List.of(cm("a", 1, 12)), List.of(event("ADDED", "b", 0, 13)), "https://b");
    var history = new WatchHistory(List.of(resumed(10, event("ADDED", "a", 0, 11)), relisted));

    var verdict =
        WatchHistoryCheck.check("w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL);

    assertThat(verdict.excusedWrites()).isEqualTo(1);
    assertThat(verdict.acknowledgedWrites()).isEqualTo(2);
    assertThat(verdict.relists()).isEqualTo(1);
  }

  @Test
  @DisplayName("check, label selector, object leaving the selection arrives as DELETED and passes")
  void selectorLeavingIsDeleted() {
    var even = WatchHistoryCheck.labelEquals("fault-parity", "even");
    var history =
        new WatchHistory(
            List.of(
                resumed(
                    10,
                    event("ADDED", "a", 0, 11),
                    // the last state it had while selected, restamped at the leaving revision
                    event("DELETED", "a", 0, 12),
                    event("ADDED", "b", 0, 13))));

    var verdict =
        WatchHistoryCheck.check("w", history, Map.of(), even, ACKS, Map.of("b", cm("b", 0, 13)));

    assertThat(verdict.acknowledgedWrites()).isEqualTo(2);
  }

  @Test
  @DisplayName("check, MODIFIED for an object the stream never added, fails")
  void modifiedWithoutAddFails() {
    var history =
        new WatchHistory(
            List.of(resumed(11, event("MODIFIED", "a", 1, 12), event("ADDED", "b", 0, 13))));

    assertThatThrownBy(
            () ->
                WatchHistoryCheck.check(
                    "w", history, Map.of(), WatchHistoryCheck.everything(), ACKS, FINAL))
        .hasMessageContaining("MODIFIED for an object never added: MODIFIED a v=1 at 12");
  }
}
