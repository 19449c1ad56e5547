package io.vessel.conformance.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Samples {@code pg_stat_activity} every few milliseconds while a phase runs, and reports how many
 * of Vessel's PostgreSQL sessions were, on average, in each state: running, waiting for a lock (the
 * revision counter row), flushing WAL, or idle in a transaction (waiting for the client's next
 * statement: Vessel's, or the baseline's). That says where a slow write phase spends its time
 * without touching the server. The same for the baseline's sessions, for comparison.
 *
 * <p>Threading: the counts are owned by one event-loop context, where the timer and the queries
 * run; {@link #start()} and {@link #stop()} hop onto it.
 */
final class PgWaitSampler {

  private static final long PERIOD_MS = 20;

  /** $1 the database whose sessions are sampled. */
  private static final String SAMPLE =
      "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
          + " WHERE datname = $1 AND backend_type = 'client backend' AND state <> 'idle'"
          + " AND pid <> pg_backend_pid()";

  private final Vertx vertx;
  private final Context context;
  private final Pool pool;
  private final String database;
  private final Map<String, Long> counts = new TreeMap<>();
  private long samples;
  private long timer = -1;
  private boolean inFlight;

  /**
   * @param pool a pool of its own (one connection is enough), so sampling never waits behind the
   *     load it observes
   * @param database whose sessions to sample
   */
  PgWaitSampler(Vertx vertx, Pool pool, String database) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.pool = pool;
    this.database = database;
  }

  void start() {
    context.runOnContext(
        v -> {
          counts.clear();
          samples = 0;
          timer = vertx.setPeriodic(PERIOD_MS, id -> sample());
        });
  }

  private void sample() {
    if (inFlight) {
      return; // the database is too busy to answer every period: skip rather than pile up
    }
    inFlight = true;
    pool.preparedQuery(SAMPLE)
        .execute(Tuple.of(database))
        .onComplete(
            ar -> {
              inFlight = false;
              if (ar.failed()) {
                return;
              }
              samples++;
              for (var row : ar.result()) {
                counts.merge(
                    label(row.getString(0), row.getString(1), row.getString(2)), 1L, Long::sum);
              }
            });
  }

  private static String label(String state, String waitType, String wait) {
    if ("idle in transaction".equals(state)) {
      return "idle in transaction (waiting for its client)";
    }
    if (waitType == null) {
      return state + ": on CPU";
    }
    return state + ": " + waitType + "/" + wait;
  }

  /** Average sessions per state over the samples taken, largest first. */
  Map<String, Double> stop() {
    var result = new CompletableFuture<Map<String, Double>>();
    context.runOnContext(
        v -> {
          vertx.cancelTimer(timer);
          long n = Math.max(1, samples);
          result.complete(
              counts.entrySet().stream()
                  .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                  .collect(
                      Collectors.toMap(
                          Map.Entry::getKey,
                          e -> Math.round(e.getValue() * 100.0 / n) / 100.0,
                          (a, b) -> a,
                          LinkedHashMap::new)));
        });
    return result.join();
  }
}
