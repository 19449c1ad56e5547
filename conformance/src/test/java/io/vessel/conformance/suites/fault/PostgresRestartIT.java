package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.AckedWrites;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Failover;
import io.vessel.conformance.harness.FaultScale;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.RestResponse;
import io.vessel.conformance.harness.TestPostgres;
import io.vessel.conformance.harness.TestPostgres.Shutdown;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under load and comes back: while it is down the server answers writes with
 * an error and reports not-ready on {@code /readyz} (kube-apiserver's format: 500 and {@code
 * [-]postgres failed: reason withheld}); once it is back the server recovers by itself (its pools
 * reconnect, its change feed resumes) without losing any acknowledged write, and the watches open
 * through the outage continue without a gap, or get a 410 they recover from by relisting.
 */
@Tag("fault")
@DisplayName("PostgreSQL restart under load")
class PostgresRestartIT {
  private static final String SUITE = "PostgreSQL restart under load";

  @Test
  @DisplayName(
      "PostgreSQL stopped fast, then killed, under 8 writers: not ready while down, recovers by"
          + " itself, loses nothing acknowledged")
  void survivesDatabaseRestarts(@TempDir Path dir) {
    var outages =
        FaultScale.isLong()
            ? List.of(Shutdown.FAST, Shutdown.KILL, Shutdown.IMMEDIATE, Shutdown.FAST, Shutdown.KILL)
            : List.of(Shutdown.FAST, Shutdown.KILL);
    int perPhase = FaultScale.pick(200, 5_000);
    try (var pg = TestPostgres.start(dir.resolve("pg"));
        var cluster = LocalCluster.startOn(pg.url())) {
      // Given: writers and watches on one server
      var ns = FaultNamespace.create(cluster.rest(), "pgrestart");
      var servers = new Failover(List.of(cluster.rest()));
      var ledger = new AckedWrites();
      try (var watches = new FaultWatches(ns, servers);
          var writers =
              new ConfigMapWriters(servers, ns.name(), FaultScale.pick(8, 16), 0, ledger).start()) {
        writers.awaitAcknowledged(perPhase);
        watches.cut();
        int round = 0;
        for (var how : outages) {
          round++;
          // When: PostgreSQL goes away mid-stream
          pg.stop(how);
          long stopped = System.nanoTime();
          // Then: the server says it is not ready, in kube-apiserver's words
          Await.untilAsserted(
              "/readyz fails while PostgreSQL is down (" + how + ")",
              () -> {
                RestResponse ready = cluster.anonymousRest().get("/readyz?verbose");
                assertThat(ready.status()).as(ready.describe()).isEqualTo(500);
                assertThat(ready.text())
                    .contains("[-]postgres failed: reason withheld")
                    .contains("readyz check failed");
              });
          long notReadyMillis = (System.nanoTime() - stopped) / 1_000_000;
          long acknowledgedWhileDown = ledger.acknowledgedCount();

          // When: it comes back
          long restarting = System.nanoTime();
          pg.start();
          // Then: the server recovers by itself
          Await.untilAsserted(
              "/readyz passes once PostgreSQL is back (" + how + ")",
              () -> {
                RestResponse ready = cluster.anonymousRest().get("/readyz");
                assertThat(ready.status()).as(ready.describe()).isEqualTo(200);
              });
          long readyMillis = (System.nanoTime() - restarting) / 1_000_000;
          writers.awaitAcknowledged(acknowledgedWhileDown + perPhase);
          long writingMillis = (System.nanoTime() - restarting) / 1_000_000;

          var outage = "outage " + round + " (" + how + ")";
          Figures.record(
              SUITE, outage + ": down until /readyz fails", Figures.seconds(notReadyMillis));
          Figures.record(
              SUITE, outage + ": restart until /readyz passes", Figures.seconds(readyMillis));
          Figures.record(
              SUITE,
              outage + ": restart until " + perPhase + " more writes acknowledged",
              Figures.seconds(writingMillis));
        }
        writers.stop();

        // Then: nothing acknowledged was lost, and every watch replays to the final state
        var verdict = ledger.verify(FaultNamespace.values(cluster.rest(), ns.configMaps()));
        long events = watches.check(SUITE, cluster.rest(), ledger);

        Figures.record(SUITE, "mode", FaultScale.mode());
        Figures.record(SUITE, "acknowledged writes checked", verdict.acknowledgedWrites());
        Figures.record(SUITE, "keys checked", verdict.keysChecked());
        Figures.record(SUITE, "failed requests", writers.failureKinds());
        Figures.record(SUITE, "watch events checked", events);
        long[] rss = cluster.rssKib();
        Figures.record(
            SUITE, "server RSS now / peak", Figures.mib(rss[0]) + " / " + Figures.mib(rss[1]));
      }
    }
  }
}
