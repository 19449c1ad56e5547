package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.AckedWrites;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Failover;
import io.vessel.conformance.harness.FaultScale;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.ResumingWatch;
import io.vessel.conformance.harness.WatchHistoryCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost: 16 writers create and update ConfigMaps as fast as they can, the
 * server is killed with SIGKILL mid-stream and started again, and every write that got a 2xx must
 * be there with its value (see {@link AckedWrites} for what unanswered writes may leave). A watch
 * that was open through the crash resumes on the restarted server (whose fresh watch cache answers
 * 410, so it relists) and must still replay to the final state.
 */
@Tag("fault")
@DisplayName("Durability under a server crash")
class DurabilityIT {
  private static final String SUITE = "Durability under a server crash";
  private static final int WRITERS = 16;

  @Test
  @DisplayName("kill -9 during 16 concurrent writers, every acknowledged write survives the restart")
  void acknowledgedWritesSurviveKill() {
    try (LocalCluster cluster = LocalCluster.start()) {
      // Given: a namespace, a watch on it, and 16 writers going
      var ns = FaultNamespace.create(cluster.rest(), "durable");
      var servers = new Failover(List.of(cluster.rest()));
      var ledger = new AckedWrites();
      var watch =
          ResumingWatch.start("all", servers, ns.configMaps(), "", ns.resourceVersion());
      var writers = new ConfigMapWriters(servers, ns.name(), WRITERS, 0, ledger).start();
      writers.awaitAcknowledged(FaultScale.pick(200, 5_000));

      // When: the server dies in the middle of the writes, and comes back
      cluster.killHard();
      writers.stop();
      long down = System.nanoTime();
      cluster.up();
      long restartMillis = (System.nanoTime() - down) / 1_000_000;

      // Then: every acknowledged value is there, or a later one that was sent
      var client = cluster.rest();
      var stored = FaultNamespace.values(client, ns.configMaps());
      var verdict = ledger.verify(stored);
      assertThat(verdict.acknowledgedWrites()).isGreaterThan(100);

      // and the watch, resumed across the crash, replays to exactly that state
      long sentinel = FaultNamespace.writeSentinel(client, ns.configMaps());
      FaultNamespace.awaitCaughtUp(watch, sentinel);
      watch.close();
      Map<String, JsonNode> finalState = FaultNamespace.list(client, ns.configMaps());
      var watched =
          WatchHistoryCheck.check(
              "watch through the crash",
              watch.history(),
              Map.of(),
              WatchHistoryCheck.everything(),
              ledger.acks(),
              finalState);

      Figures.record(SUITE, "mode", FaultScale.mode());
      Figures.record(SUITE, "acknowledged writes checked", verdict.acknowledgedWrites());
      Figures.record(SUITE, "keys checked", verdict.keysChecked());
      Figures.record(SUITE, "writes without a 2xx (outcome free)", verdict.unansweredWrites());
      Figures.record(SUITE, "failed requests", writers.failureKinds());
      Figures.record(SUITE, "restart after kill -9 until ready", Figures.seconds(restartMillis));
      Figures.record(SUITE, "watch events checked", watched.events());
      Figures.record(SUITE, "watch relists after 410", watched.relists());
    }
  }
}
