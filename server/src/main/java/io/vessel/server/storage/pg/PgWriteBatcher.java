package io.vessel.server.storage.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredObject;
import io.vessel.server.storage.ValueAtRevision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for writes. Writes arrive from every connection; while one batch is committing,
 * the next ones queue, and then go together in one transaction: the counter row is locked once,
 * each write's statement runs in order and takes the next revision only if it succeeds (so a
 * failed condition consumes no revision and leaves no gap), the counter is set to the last
 * revision given out, and one COMMIT (one WAL flush) acknowledges them all.
 *
 * <p>The lock is still one per database, so revisions stay global, gap-free and commit-ordered
 * across replicas; what the batch saves is one lock hand-off and one flush per write.
 *
 * <p>Threading: the queue and the in-flight flag are owned by {@code context}; each caller's
 * future completes on the caller's own context.
 */
final class PgWriteBatcher {
  static final int MAX_BATCH = 128;

  /** One write: its key, its statement, its condition, and what it must produce. */
  record Write(
      StorageKey key,
      String batchSql,
      Long expectedRv,
      ValueAtRevision value,
      Function<SqlConnection, Future<StorageException>> whyNotWritten,
      Promise<StoredObject> result,
      Context caller) {}

  private final Context context;
  private final Pool pool;
  private final Function<Write, Future<StoredObject>> alone;
  private final ArrayDeque<Write> queue = new ArrayDeque<>();
  private boolean committing;

  /**
   * @param alone how to run one write in a transaction of its own: used when a batch failed as a
   *     whole, so each write gets its own outcome
   */
  PgWriteBatcher(Context context, Pool pool, Function<Write, Future<StoredObject>> alone) {
    this.context = context;
    this.pool = pool;
    this.alone = alone;
  }

  Future<StoredObject> submit(
      StorageKey key,
      String batchSql,
      Long expectedRv,
      ValueAtRevision value,
      Function<SqlConnection, Future<StorageException>> whyNotWritten) {
    Promise<StoredObject> promise = Promise.promise();
    Write w = new Write(key, batchSql, expectedRv, value, whyNotWritten, promise, Vertx.currentContext());
    context.runOnContext(
        v -> {
          queue.add(w);
          if (!committing) {
            commitNext();
          }
        });
    return promise.future();
  }

  private void commitNext() {
    if (queue.isEmpty()) {
      committing = false;
      return;
    }
    committing = true;
    List<Write> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.poll());
    }
    List<Object> outcomes = new ArrayList<>(batch.size());
    pool.withTransaction(
            conn ->
                conn.preparedQuery(PgQueries.LOCK_REVISION)
                    .execute()
                    .compose(
                        rows -> run(conn, batch, 0, rows.iterator().next().getLong(0), outcomes)))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                for (int i = 0; i < batch.size(); i++) {
                  finish(batch.get(i), outcomes.get(i));
                }
              } else {
                // The transaction as a whole failed (a database error, not a condition): give
                // every write its own transaction, and so its own outcome.
                for (Write w : batch) {
                  alone.apply(w).onComplete(r -> finish(w, r.succeeded() ? r.result() : r.cause()));
                }
              }
              commitNext();
            });
  }

  /** Runs the writes from {@code i} on, in order; revision {@code rv} is the last one taken. */
  private Future<Void> run(SqlConnection conn, List<Write> batch, int i, long rv, List<Object> out) {
    if (i == batch.size()) {
      boolean anyWritten = out.stream().anyMatch(o -> o instanceof StoredObject);
      return anyWritten
          ? conn.preparedQuery(PgQueries.SET_REVISION).execute(Tuple.of(rv)).mapEmpty()
          : Future.succeededFuture();
    }
    Write w = batch.get(i);
    long next = rv + 1;
    byte[] bytes;
    try {
      bytes = w.value().encode(next);
    } catch (RuntimeException e) {
      out.add(e);
      return run(conn, batch, i + 1, rv, out);
    }
    Tuple args = Tuple.of(w.key().resource(), w.key().namespace(), w.key().name(), next, Buffer.buffer(bytes));
    if (w.expectedRv() != null) {
      args.addLong(w.expectedRv());
    }
    return conn.preparedQuery(w.batchSql())
        .execute(args)
        .compose(
            rows -> {
              if (rows.size() == 1) {
                out.add(new StoredObject(w.key(), next, bytes));
                return run(conn, batch, i + 1, next, out);
              }
              return w.whyNotWritten()
                  .apply(conn)
                  .compose(
                      failure -> {
                        out.add(failure);
                        return run(conn, batch, i + 1, rv, out);
                      });
            });
  }

  private static void finish(Write w, Object outcome) {
    Runnable complete =
        () -> {
          if (outcome instanceof StoredObject o) {
            w.result().complete(o);
          } else {
            w.result().fail((Throwable) outcome);
          }
        };
    if (w.caller() != null) {
      w.caller().runOnContext(v -> complete.run());
    } else {
      complete.run();
    }
  }
}
