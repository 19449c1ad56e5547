package io.vessel.conformance.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

/**
 * The raw PostgreSQL baseline: what the same database does for the equivalent work with nothing in
 * between. Each operation is one transaction ({@code BEGIN}, one statement, {@code COMMIT}) on its
 * own pooled connection, inserting or updating one row whose value is as large as a stored object,
 * keyed by a text primary key; {@code concurrency} clients at a time.
 *
 * <p>It is deliberately the cheapest honest version of a write: no revision counter, no change log.
 * The ratio of Vessel to it is what the API layer, the global revision and the event row cost.
 */
final class PgBaseline implements AutoCloseable {

  private static final String TABLE = "bench_baseline";
  private static final String INSERT = "INSERT INTO " + TABLE + " (key, value) VALUES ($1, $2)";
  private static final String UPDATE = "UPDATE " + TABLE + " SET value = $2 WHERE key = $1";

  private final Pool pool;
  private final int concurrency;

  private PgBaseline(Pool pool, int concurrency) {
    this.pool = pool;
    this.concurrency = concurrency;
  }

  /** A pool of exactly {@code concurrency} connections: one per client, as 32 services would. */
  static PgBaseline connect(Vertx vertx, String url, int concurrency) {
    var pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(concurrency))
            .connectingTo(PgConnectOptions.fromUri(url).setCachePreparedStatements(true))
            .using(vertx)
            .build();
    return new PgBaseline(pool, concurrency);
  }

  /** The pool, also used to sample {@code pg_stat_activity}. */
  Pool pool() {
    return pool;
  }

  /** A fresh bench table. */
  Future<Void> createTable() {
    return pool.query("DROP TABLE IF EXISTS " + TABLE)
        .execute()
        .compose(
            v ->
                pool.query(
                        "CREATE TABLE " + TABLE + " (key text PRIMARY KEY, value bytea NOT NULL)")
                    .execute())
        .mapEmpty();
  }

  /** Inserts rows {@code prefix-0 .. prefix-(n-1)}, each holding {@code value}. */
  Future<ClosedLoop.Outcome> insert(String prefix, int n, byte[] value) {
    var bytes = Buffer.buffer(value);
    return ClosedLoop.run(
        n,
        concurrency,
        i ->
            pool.withTransaction(
                conn -> conn.preparedQuery(INSERT).execute(Tuple.of(key(prefix, i), bytes))));
  }

  /** Rewrites every row {@code insert} made, each in its own transaction. */
  Future<ClosedLoop.Outcome> update(String prefix, int n, byte[] value) {
    var bytes = Buffer.buffer(value);
    return ClosedLoop.run(
        n,
        concurrency,
        i ->
            pool.withTransaction(
                conn ->
                    conn.preparedQuery(UPDATE)
                        .execute(Tuple.of(key(prefix, i), bytes))
                        .compose(
                            rows ->
                                rows.rowCount() == 1
                                    ? Future.succeededFuture()
                                    : Future.failedFuture("no row " + key(prefix, i)))));
  }

  private static String key(String prefix, int i) {
    return prefix + "/" + i;
  }

  @Override
  public void close() {
    pool.close().await();
  }
}
