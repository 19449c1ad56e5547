package io.vessel.server.storage.pg;

import static io.vessel.server.storage.StorageException.Code.CONFLICT;
import static io.vessel.server.storage.StorageException.Code.EXPIRED;
import static io.vessel.server.storage.StorageException.Code.KEY_EXISTS;
import static io.vessel.server.storage.StorageException.Code.NOT_FOUND;
import static io.vessel.server.storage.StorageException.Code.TOO_LARGE_RESOURCE_VERSION;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vessel.server.storage.Claim;
import io.vessel.server.storage.Storage;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredList;
import io.vessel.server.storage.StoredObject;
import io.vessel.server.storage.ValueAtRevision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} on PostgreSQL. A write is one READ COMMITTED transaction: take the next revision
 * (which locks the counter row until commit, so revisions commit in order), encode the value at
 * that revision, then write the object and its event in one statement; NOTIFY is delivered at
 * commit as a wake-up for every replica's change feed. Consistent lists read the counter and the
 * rows in one REPEATABLE READ snapshot, so the list's revision matches exactly its items.
 */
public final class PgStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(PgStorage.class);

  private final Pool writePool;
  private final Pool readPool;
  private final Runnable afterCommit;
  private final PgWriteBatcher batcher;

  /**
   * @param writeContext the context that owns the write queue (group commit)
   * @param afterCommit runs after each committed write: lets the local change feed poll at once
   *     instead of waiting for the NOTIFY round trip
   */
  public PgStorage(Context writeContext, Pool writePool, Pool readPool, Runnable afterCommit) {
    this.writePool = writePool;
    this.readPool = readPool;
    this.afterCommit = afterCommit;
    this.batcher = new PgWriteBatcher(writeContext, writePool, this::writeAlone);
  }

  @Override
  public Future<StoredObject> create(StorageKey key, ValueAtRevision value, Set<Claim> claims) {
    if (claims != null) {
      return writeClaiming(
          key,
          value,
          PgQueries.BATCH_CREATE,
          null,
          claims,
          conn ->
              Future.succeededFuture(
                  new StorageException(KEY_EXISTS, key, key + " already exists")));
    }
    return write(
        key,
        value,
        PgQueries.BATCH_CREATE,
        null,
        conn ->
            Future.succeededFuture(new StorageException(KEY_EXISTS, key, key + " already exists")));
  }

  @Override
  public Future<StoredObject> update(
      StorageKey key, long expectedRv, ValueAtRevision value, Set<Claim> claims) {
    if (claims != null) {
      return writeClaiming(
          key, value, PgQueries.BATCH_UPDATE, expectedRv, claims, conn -> whyNotWritten(conn, key));
    }
    return write(key, value, PgQueries.BATCH_UPDATE, expectedRv, conn -> whyNotWritten(conn, key));
  }

  @Override
  public Future<StoredObject> delete(StorageKey key, long expectedRv, ValueAtRevision finalValue) {
    return write(key, finalValue, PgQueries.BATCH_DELETE, expectedRv, conn -> whyNotWritten(conn, key));
  }

  private Future<StoredObject> write(
      StorageKey key,
      ValueAtRevision value,
      String batchSql,
      Long expectedRv,
      Function<SqlConnection, Future<StorageException>> whyNotWritten) {
    return batcher
        .submit(key, batchSql, expectedRv, value, whyNotWritten)
        .onSuccess(o -> afterCommit.run())
        .recover(PgStorage::translate)
        .onComplete(
            ar ->
                LOG.trace(
                    "WRITE {} expected={} -> {}",
                    key,
                    expectedRv,
                    ar.succeeded() ? ar.result().rv() : ar.cause().toString()));
  }

  /**
   * One write in a transaction of its own: take the next revision (locking the counter row
   * until commit), then write. Used when a whole batch failed, to give each write its outcome.
   */
  private Future<StoredObject> writeAlone(PgWriteBatcher.Write w) {
    return writePool.withTransaction(
        conn ->
            conn.preparedQuery(PgQueries.NEXT_REVISION)
                .execute()
                .compose(
                    revision -> {
                      long rv = revision.iterator().next().getLong(0);
                      byte[] bytes = w.value().encode(rv);
                      Tuple args =
                          Tuple.of(
                              w.key().resource(),
                              w.key().namespace(),
                              w.key().name(),
                              rv,
                              Buffer.buffer(bytes));
                      if (w.expectedRv() != null) {
                        args.addLong(w.expectedRv());
                      }
                      return conn.preparedQuery(w.batchSql())
                          .execute(args)
                          .compose(
                              rows ->
                                  rows.size() == 1
                                      ? conn.preparedQuery(PgQueries.SET_REVISION)
                                          .execute(Tuple.of(rv))
                                          .map(x -> new StoredObject(w.key(), rv, bytes))
                                      : w.whyNotWritten()
                                          .apply(conn)
                                          .compose(Future::<StoredObject>failedFuture));
                    }));
  }

  /**
   * A write that carries claims runs in a transaction of its own rather than in a group-commit
   * batch, because a claim held by another object must undo the object's write too: the failed
   * future rolls the whole transaction back (revision included). The revision counter's row
   * lock, taken first as by every write, serializes it with all other writers of every replica,
   * and the claims' primary key makes a value held at most once regardless.
   */
  private Future<StoredObject> writeClaiming(
      StorageKey key,
      ValueAtRevision value,
      String batchSql,
      Long expectedRv,
      Set<Claim> claims,
      Function<SqlConnection, Future<StorageException>> whyNotWritten) {
    return writePool
        .withTransaction(
            conn ->
                conn.preparedQuery(PgQueries.NEXT_REVISION)
                    .execute()
                    .compose(
                        revision -> {
                          long rv = revision.iterator().next().getLong(0);
                          byte[] bytes = value.encode(rv);
                          Tuple args =
                              Tuple.of(
                                  key.resource(), key.namespace(), key.name(), rv,
                                  Buffer.buffer(bytes));
                          if (expectedRv != null) {
                            args.addLong(expectedRv);
                          }
                          return conn.preparedQuery(batchSql)
                              .execute(args)
                              .compose(
                                  rows ->
                                      rows.size() == 1
                                          ? Future.<Void>succeededFuture()
                                          : whyNotWritten
                                              .apply(conn)
                                              .compose(Future::<Void>failedFuture))
                              .compose(v -> replaceClaims(conn, key, claims))
                              .compose(
                                  v ->
                                      conn.preparedQuery(PgQueries.SET_REVISION)
                                          .execute(Tuple.of(rv)))
                              .map(v -> new StoredObject(key, rv, bytes));
                        }))
        .onSuccess(o -> afterCommit.run())
        .recover(PgStorage::translate)
        .onComplete(
            ar ->
                LOG.trace(
                    "WRITE {} expected={} claims={} -> {}",
                    key,
                    expectedRv,
                    claims,
                    ar.succeeded() ? ar.result().rv() : ar.cause().toString()));
  }

  /** Inside the write's transaction: the object holds exactly {@code claims} afterwards. */
  private static Future<Void> replaceClaims(SqlConnection conn, StorageKey key, Set<Claim> claims) {
    Tuple owner = Tuple.of(key.resource(), key.namespace(), key.name());
    List<Claim> wanted = List.copyOf(claims);
    String[] pools = wanted.stream().map(Claim::pool).toArray(String[]::new);
    Long[] values = wanted.stream().map(Claim::value).toArray(Long[]::new);
    return conn.preparedQuery(PgQueries.RELEASE_CLAIMS)
        .execute(owner)
        .compose(
            v ->
                conn.preparedQuery(PgQueries.INSERT_CLAIMS)
                    .execute(
                        Tuple.of(key.resource(), key.namespace(), key.name(), pools, values)))
        .compose(
            rows -> {
              Set<Claim> written = new HashSet<>();
              for (Row row : rows) {
                written.add(new Claim(row.getString(0), row.getLong(1)));
              }
              for (Claim c : wanted) {
                if (!written.contains(c)) {
                  return Future.failedFuture(StorageException.claimed(key, c));
                }
              }
              return Future.succeededFuture();
            });
  }

  @Override
  public Future<Set<Long>> claimed(String pool) {
    return readPool
        .preparedQuery(PgQueries.CLAIMED)
        .execute(Tuple.of(pool))
        .map(
            rows -> {
              Set<Long> values = new HashSet<>();
              for (Row row : rows) {
                values.add(row.getLong(0));
              }
              return values;
            })
        .recover(PgStorage::translate);
  }

  /** Inside the failed write's transaction: was the object gone, or changed since? */
  private static Future<StorageException> whyNotWritten(SqlConnection conn, StorageKey key) {
    return conn.preparedQuery(PgQueries.CURRENT_RV_OF_KEY)
        .execute(Tuple.of(key.resource(), key.namespace(), key.name()))
        .map(
            rows ->
                rows.size() == 0
                    ? new StorageException(NOT_FOUND, key, key + " not found")
                    : new StorageException(
                        CONFLICT,
                        key,
                        key + " was modified at revision " + rows.iterator().next().getLong(0)));
  }

  @Override
  public Future<StoredObject> get(StorageKey key) {
    return readPool
        .preparedQuery(PgQueries.GET)
        .execute(Tuple.of(key.resource(), key.namespace(), key.name()))
        .recover(PgStorage::translate)
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(
                    new StorageException(NOT_FOUND, key, key + " not found"));
              }
              Row row = rows.iterator().next();
              return Future.succeededFuture(
                  new StoredObject(key, row.getLong(0), row.getBuffer(1).getBytes()));
            });
  }

  @Override
  public Future<StoredList> list(String resource, String namespace, StorageKey after, int limit) {
    return snapshot(
        conn ->
            conn.preparedQuery(PgQueries.CURRENT_REVISION)
                .execute()
                .compose(
                    revision -> {
                      long rv = revision.iterator().next().getLong(0);
                      return conn.preparedQuery(PgQueries.LIST_PAGE)
                          .execute(pageArgs(resource, namespace, after, limit))
                          .map(rows -> page(resource, rv, rows, limit));
                    }));
  }

  @Override
  public Future<StoredList> listAt(
      String resource, String namespace, StorageKey after, int limit, long rv) {
    return snapshot(
        conn ->
            conn.preparedQuery(PgQueries.REVISION_AND_COMPACTION)
                .execute()
                .compose(
                    bounds -> {
                      Row b = bounds.iterator().next();
                      long current = b.getLong(0);
                      long compacted = b.getLong(1);
                      if (rv > current) {
                        return Future.failedFuture(
                            new StorageException(
                                TOO_LARGE_RESOURCE_VERSION,
                                null,
                                "Too large resource version: " + rv + ", current: " + current));
                      }
                      if (rv < compacted) {
                        return Future.failedFuture(
                            new StorageException(
                                EXPIRED,
                                null,
                                "too old resource version: " + rv + " (" + compacted + ")"));
                      }
                      return conn.preparedQuery(PgQueries.LIST_AT)
                          .execute(pageArgs(resource, namespace, after, limit).addLong(rv))
                          .map(rows -> page(resource, rv, rows, limit));
                    }));
  }

  /** Runs reads in one REPEATABLE READ snapshot, so the revision matches the rows exactly. */
  private <T> Future<T> snapshot(Function<SqlConnection, Future<T>> reads) {
    return readPool
        .withConnection(
            conn ->
                conn.query(PgQueries.BEGIN_SNAPSHOT)
                    .execute()
                    .compose(v -> reads.apply(conn))
                    .eventually(() -> conn.query("COMMIT").execute()))
        .recover(PgStorage::translate);
  }

  private static Tuple pageArgs(String resource, String namespace, StorageKey after, int limit) {
    // One extra row tells whether a further page exists.
    Integer fetch = limit > 0 ? limit + 1 : null;
    return Tuple.of(
        resource,
        namespace,
        after == null ? "" : after.namespace(),
        after == null ? "" : after.name(),
        fetch);
  }

  /** Rows carry the total from this page on (a window count), which gives the remaining count. */
  private static StoredList page(String resource, long rv, RowSet<Row> rows, int limit) {
    List<StoredObject> items = new ArrayList<>(rows.size());
    long total = 0;
    for (Row row : rows) {
      total = row.getLong(4);
      if (limit > 0 && items.size() == limit) {
        return new StoredList(rv, items, true, total - limit);
      }
      items.add(
          new StoredObject(
              new StorageKey(resource, row.getString(0), row.getString(1)),
              row.getLong(2),
              row.getBuffer(3).getBytes()));
    }
    return new StoredList(rv, items, false, 0L);
  }

  @Override
  public Future<Long> currentRevision() {
    return readPool
        .preparedQuery(PgQueries.CURRENT_REVISION)
        .execute()
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(PgStorage::translate);
  }

  /** Database failures that are not storage outcomes become UNAVAILABLE, once. */
  private static <T> Future<T> translate(Throwable t) {
    if (t instanceof StorageException) {
      return Future.failedFuture(t);
    }
    return Future.failedFuture(
        new StorageException(
            StorageException.Code.UNAVAILABLE, null, "storage unavailable: " + t.getMessage(), t));
  }
}
