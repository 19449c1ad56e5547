package io.vessel.conformance.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Checks every watch stream against the writes made: each successful write must arrive on every
 * stream exactly once, in strictly increasing resourceVersion order, as an ADDED event of the
 * object that write created. Also measures, for each first delivery, commit-to-delivery latency
 * (arrival minus the moment the write's answer arrived) and send-to-delivery latency.
 *
 * @param expected events that should have arrived: streams x successful writes
 * @param checked events that arrived (bookmarks aside)
 * @param lost expected events that never arrived
 * @param duplicated events that arrived again on the same stream
 * @param outOfOrder first arrivals with a lower resourceVersion than one seen before on the stream
 * @param wrong events that match no write (unknown resourceVersion, another object, not ADDED)
 * @param brokenStreams streams that were refused, ended early or carried an ERROR event
 * @param failures a few of those streams' failures, quoted in the report
 * @param beforeAnswer deliveries that arrived before the write's own answer (latency counted 0)
 */
record WatchVerdict(
    long expected,
    long checked,
    long lost,
    long duplicated,
    long outOfOrder,
    long wrong,
    int brokenStreams,
    List<String> failures,
    long bookmarks,
    long beforeAnswer,
    Latencies commitToDelivery,
    Latencies sendToDelivery) {

  private static final int FAILURE_SAMPLES = 5;

  boolean passed() {
    return lost == 0 && duplicated == 0 && outOfOrder == 0 && wrong == 0 && brokenStreams == 0;
  }

  static WatchVerdict of(List<WatchStreamCheck> streams, WatchWrites.Write[] writes) {
    long[] rvs = Arrays.stream(writes).mapToLong(WatchWrites.Write::resourceVersion).toArray();
    long expected = (long) streams.size() * writes.length;
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, expected);
    var commit = new Latencies(capacity);
    var send = new Latencies(capacity);
    long checked = 0;
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long wrong = 0;
    long bookmarks = 0;
    long beforeAnswer = 0;
    int broken = 0;
    var failures = new ArrayList<String>();
    for (var stream : streams) {
      bookmarks += stream.bookmarks();
      if (stream.failure() != null) {
        broken++;
        if (failures.size() < FAILURE_SAMPLES) {
          failures.add("stream " + stream.id() + ": " + stream.failure());
        }
      }
      var seen = new BitSet(writes.length);
      long highest = -1;
      for (int e = 0; e < stream.events(); e++) {
        checked++;
        long rv = stream.resourceVersion(e);
        int k = Arrays.binarySearch(rvs, rv);
        if (k < 0 || writes[k].index() != stream.index(e)) {
          wrong++;
          continue;
        }
        if (seen.get(k)) {
          duplicated++;
          continue;
        }
        seen.set(k);
        if (rv < highest) {
          outOfOrder++;
        }
        highest = Math.max(highest, rv);
        long sinceAnswer = stream.arrival(e) - writes[k].answeredNanos();
        if (sinceAnswer < 0) {
          beforeAnswer++;
        }
        commit.record(Math.max(0, sinceAnswer));
        send.record(stream.arrival(e) - writes[k].sentNanos());
      }
      lost += writes.length - seen.cardinality();
    }
    return new WatchVerdict(
        expected,
        checked,
        lost,
        duplicated,
        outOfOrder,
        wrong,
        broken,
        List.copyOf(failures),
        bookmarks,
        beforeAnswer,
        commit,
        send);
  }
}
