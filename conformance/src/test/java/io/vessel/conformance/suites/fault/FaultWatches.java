package io.vessel.conformance.suites.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.AckedWrites;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Failover;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.RestClient;
import io.vessel.conformance.harness.ResumingWatch;
import io.vessel.conformance.harness.WatchHistoryCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The watches a fault suite keeps open on its namespace while it breaks things, and their check.
 * Each is started after the namespace's creation, when it was still empty: one on everything, one
 * with a label selector (objects enter and leave it as their value changes parity), and one that
 * the test cuts on purpose and that resumes from its last resourceVersion.
 */
final class FaultWatches implements AutoCloseable {

  private static final String EVEN = ConfigMapWriters.PARITY_LABEL + "%3Deven";

  private final FaultNamespace ns;
  private final Map<ResumingWatch, Predicate<JsonNode>> watches = new LinkedHashMap<>();
  private final ResumingWatch cut;

  FaultWatches(FaultNamespace ns, Failover servers) {
    this.ns = ns;
    long from = ns.resourceVersion();
    watches.put(
        ResumingWatch.start("everything", servers, ns.configMaps(), "", from),
        WatchHistoryCheck.everything());
    watches.put(
        ResumingWatch.start("label selector", servers, ns.configMaps(), "labelSelector=" + EVEN, from),
        WatchHistoryCheck.labelEquals(ConfigMapWriters.PARITY_LABEL, "even"));
    cut = ResumingWatch.start("cut and resumed", servers, ns.configMaps(), "", from);
    watches.put(cut, WatchHistoryCheck.everything());
  }

  /** Adds a watch started later, from the namespace's creation: it replays what it missed. */
  void startLate(Failover servers) {
    watches.put(
        ResumingWatch.start("opened late", servers, ns.configMaps(), "", ns.resourceVersion()),
        WatchHistoryCheck.everything());
  }

  /** Cuts the connection of the watch meant to be cut. */
  void cut() {
    cut.cut();
  }

  /**
   * Once the load has stopped: writes the sentinel, waits until every watch has seen it, and
   * checks each history against the ledger and the final state; records the figures.
   *
   * @return the events checked over all watches
   */
  long check(String suite, RestClient client, AckedWrites ledger) {
    long sentinel = FaultNamespace.writeSentinel(client, ns.configMaps());
    watches.keySet().forEach(watch -> FaultNamespace.awaitCaughtUp(watch, sentinel));
    var everything = FaultNamespace.list(client, ns.configMaps());
    var acks = ledger.acks();
    long events = 0;
    var problems = new ArrayList<AssertionError>();
    for (var entry : watches.entrySet()) {
      var watch = entry.getKey();
      var selects = entry.getValue();
      var finalState = new LinkedHashMap<String, JsonNode>();
      everything.forEach(
          (name, item) -> {
            if (selects.test(item)) {
              finalState.put(name, item);
            }
          });
      try {
        var verdict =
            WatchHistoryCheck.check(
                watch.name(), watch.history(), Map.of(), selects, acks, finalState);
        events += verdict.events();
        Figures.record(
            suite,
            "watch \"" + watch.name() + "\"",
            verdict.events() + " events, " + verdict.acknowledgedWrites()
                + " acknowledged writes seen, " + (verdict.segments() - 1) + " resumes ("
                + watch.cuts() + " cut on purpose), " + verdict.relists() + " relists after 410");
      } catch (AssertionError e) {
        problems.add(e);
      }
    }
    if (!problems.isEmpty()) {
      var error = problems.get(0);
      problems.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
    return events;
  }

  List<ResumingWatch> all() {
    return List.copyOf(watches.keySet());
  }

  @Override
  public void close() {
    watches.keySet().forEach(ResumingWatch::close);
  }
}
