package io.vessel.server.storage.pg;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes change-log entries older than the retention on a timer, as kube-apiserver compacts etcd
 * every five minutes. Several replicas may run it: the delete is idempotent.
 */
public final class PgCompactor {
  private static final Logger LOG = LoggerFactory.getLogger(PgCompactor.class);

  private final Vertx vertx;
  private final Pool pool;
  private final long retentionSeconds;
  private final long intervalMs;
  private long timerId = -1;

  public PgCompactor(Vertx vertx, Pool pool, long retentionSeconds, long intervalMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.retentionSeconds = retentionSeconds;
    this.intervalMs = intervalMs;
  }

  public void start() {
    timerId = vertx.setPeriodic(intervalMs, id -> compact());
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Runs one compaction now; completes with the new compaction revision, or -1 if unchanged. */
  public io.vertx.core.Future<Long> compactNow() {
    return pool.preparedQuery(PgQueries.COMPACT)
        .execute(Tuple.of((double) retentionSeconds))
        .map(rows -> rows.size() > 0 ? rows.iterator().next().getLong(0) : -1L);
  }

  private void compact() {
    pool.preparedQuery(PgQueries.COMPACT)
        .execute(Tuple.of((double) retentionSeconds))
        .onSuccess(
            rows -> {
              if (rows.size() > 0) {
                LOG.debug("compacted change log up to revision {}", rows.iterator().next().getLong(0));
              }
            })
        .onFailure(t -> LOG.warn("compaction failed: {}", t.getMessage()));
  }
}
