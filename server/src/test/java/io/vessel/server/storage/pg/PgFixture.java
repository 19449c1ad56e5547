package io.vessel.server.storage.pg;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vessel.server.boot.EmbeddedPostgres;
import io.vessel.server.storage.ChangeListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL (the same embedded binaries `vessel up` runs) in a temp directory, with the
 * schema applied and a {@link PgStorage} wired to a change feed, as {@code ApiServer} wires them.
 */
final class PgFixture implements AutoCloseable {
  final Path dir;
  final EmbeddedPostgres pg;
  final Vertx vertx;
  final Pool writePool;
  final Pool readPool;
  final Pool feedPool;
  final PgConnectOptions connect;
  final Context feedContext;
  PgChangeFeed feed;
  PgStorage storage;

  PgFixture() throws Exception {
    dir = Files.createTempDirectory("vessel-pg-test");
    pg = EmbeddedPostgres.start(dir.resolve("data"), dir.resolve("postgres.log"));
    vertx = Vertx.vertx();
    connect = PgConnectOptions.fromUri(pg.url());
    writePool = pool(4);
    readPool = pool(4);
    feedPool = pool(2);
    PgSchema.migrate(writePool).await(30, TimeUnit.SECONDS);
    feedContext = vertx.getOrCreateContext();
  }

  /** Starts the change feed into {@code listener} and a storage that nudges it. */
  PgStorage start(ChangeListener listener) throws Exception {
    feed = new PgChangeFeed(vertx, feedContext, feedPool, connect, listener, 200);
    feed.start().await(30, TimeUnit.SECONDS);
    storage = new PgStorage(vertx.getOrCreateContext(), writePool, readPool, feed::nudge);
    return storage;
  }

  /** A storage without a feed. */
  PgStorage storageOnly() {
    storage = new PgStorage(vertx.getOrCreateContext(), writePool, readPool, () -> {});
    return storage;
  }

  private Pool pool(int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  @Override
  public void close() throws Exception {
    if (feed != null) {
      feed.stop().await(10, TimeUnit.SECONDS);
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    pg.close();
    io.vessel.server.testing.TempDirs.delete(dir);
  }
}
