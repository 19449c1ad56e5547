package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.AckedWrites;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Failover;
import io.vessel.conformance.harness.FaultScale;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two Vessel servers on one PostgreSQL: writers write to the first, watches watch the second, and
 * one of them is killed with SIGKILL mid-stream. Clients move to the survivor. Every acknowledged
 * write must be there with its value, and every watch, resumed on whichever server is left, must
 * replay gap-free, duplicate-free and in order to exactly the final state.
 */
@Tag("fault")
@DisplayName("Replicas on one PostgreSQL")
class ReplicaFailoverIT {
  private static final String SUITE = "Replicas on one PostgreSQL";

  /** Which server dies. */
  enum Victim {
    /** the server the writers use; the watches' server stays up */
    WRITE_SERVER,
    /** the server the watches use; the writers' server stays up */
    WATCH_SERVER
  }

  @ParameterizedTest(name = "kill -9 the {0}, clients fail over, nothing acknowledged or watched is lost")
  @EnumSource(Victim.class)
  void failover(Victim victim, @TempDir Path dir) {
    int writersCount = FaultScale.pick(8, 16);
    int before = FaultScale.pick(300, 10_000);
    int after = FaultScale.pick(300, 10_000);
    try (var pg = TestPostgres.start(dir.resolve("pg"));
        var a = LocalCluster.startOn(pg.url());
        var b = a.startReplica()) {
      // Given: writers on A, watches on B, both fail over to the other
      var ns = FaultNamespace.create(a.rest(), "replicas");
      var writeServers = new Failover(List.of(a.rest(), b.rest()));
      var watchServers = new Failover(List.of(b.rest(), a.rest()));
      var ledger = new AckedWrites();
      try (var watches = new FaultWatches(ns, watchServers);
          var writers =
              new ConfigMapWriters(writeServers, ns.name(), writersCount, 0, ledger).start()) {
        writers.awaitAcknowledged(before / 2);
        watches.cut();
        writers.awaitAcknowledged(before);

        // When: one server dies mid-stream
        var dead = victim == Victim.WRITE_SERVER ? a : b;
        var survivor = victim == Victim.WRITE_SERVER ? b : a;
        var watch = watches.all().get(0);
        long acknowledgedAtKill = ledger.acknowledgedCount();
        long watchedAtKill = watch.lastResourceVersion();
        long killed = System.nanoTime();
        dead.killHard();
        writers.awaitAcknowledged(acknowledgedAtKill + 50);
        long writesBackMillis = (System.nanoTime() - killed) / 1_000_000;
        Await.untilAsserted(
            "the watch on everything delivers again after the kill",
            () -> assertThat(watch.lastResourceVersion()).isGreaterThan(watchedAtKill));
        long watchBackMillis = (System.nanoTime() - killed) / 1_000_000;
        watches.startLate(watchServers);
        writers.awaitAcknowledged(acknowledgedAtKill + after);
        writers.stop();

        // Then: every acknowledged write is on the survivor with its value
        var verdict = ledger.verify(FaultNamespace.values(survivor.rest(), ns.configMaps()));
        // and every watch replays to exactly that state
        long events = watches.check(SUITE + " (" + victim + ")", survivor.rest(), ledger);

        var figures = SUITE + " (" + victim + ")";
        Figures.record(figures, "mode", FaultScale.mode());
        Figures.record(figures, "acknowledged writes checked", verdict.acknowledgedWrites());
        Figures.record(figures, "keys checked", verdict.keysChecked());
        Figures.record(figures, "failed requests", writers.failureKinds());
        Figures.record(figures, "watch events checked", events);
        Figures.record(figures, "writer failovers", writeServers.failovers());
        Figures.record(figures, "watch failovers", watchServers.failovers());
        Figures.record(
            figures, "kill -9 until 50 more writes acknowledged", Figures.seconds(writesBackMillis));
        Figures.record(
            figures, "kill -9 until the watch delivers again", Figures.seconds(watchBackMillis));
        long[] rss = survivor.rssKib();
        Figures.record(
            figures, "survivor RSS now / peak", Figures.mib(rss[0]) + " / " + Figures.mib(rss[1]));
      }
    }
  }
}
