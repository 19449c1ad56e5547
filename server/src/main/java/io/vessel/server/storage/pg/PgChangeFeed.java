package io.vessel.server.storage.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.vessel.server.storage.ChangeListener;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredEvent;
import io.vessel.server.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the committed change log in revision order and hands it to one {@link ChangeListener}, always
 * on the feed's context. NOTIFY (and local commits) only wake it up; the periodic poll is what
 * guarantees delivery, so a Postgres-wire database without LISTEN/NOTIFY still works.
 *
 * <p>Every revision must arrive exactly once and in order. A missing revision is waited for
 * briefly (it cannot be in flight with the counter-row lock, but a distributed SQL backend could
 * show one); if it stays missing, or the log was compacted past this feed, the feed resets:
 * it reloads a snapshot and the listener must end every watch with 410 so clients relist.
 *
 * <p>Threading: all state is owned by {@code context}.
 */
public final class PgChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(PgChangeFeed.class);
  private static final int BATCH = 1000;
  private static final long GAP_PATIENCE_MS = 2000;

  private final Vertx vertx;
  private final Context context;
  private final Pool pool;
  private final PgConnectOptions connectOptions;
  private final ChangeListener listener;
  private final long pollIntervalMs;

  private long lastRv;
  private boolean polling;
  private boolean pollAgain;
  private long gapSince;
  // Written on the feed's context, read by /readyz on the event loops.
  private volatile long lastSuccessfulPoll;
  private volatile boolean lastPollFailed;
  private long timerId = -1;
  private PgSubscriber subscriber;
  private volatile boolean stopped;

  public PgChangeFeed(
      Vertx vertx,
      Context context,
      Pool pool,
      PgConnectOptions connectOptions,
      ChangeListener listener,
      long pollIntervalMs) {
    this.vertx = vertx;
    this.context = context;
    this.pool = pool;
    this.connectOptions = connectOptions;
    this.listener = listener;
    this.pollIntervalMs = pollIntervalMs;
  }

  /** Loads the first snapshot and starts tailing. Completes once the listener has the snapshot. */
  public Future<Void> start() {
    return onContext(
        () ->
            loadSnapshot(false)
                .compose(v -> subscribe())
                .map(
                    v -> {
                      timerId = vertx.setPeriodic(pollIntervalMs, id -> poll());
                      return null;
                    }));
  }

  /** Asks for a poll soon; callable from any thread. */
  public void nudge() {
    context.runOnContext(v -> poll());
  }

  /**
   * What /readyz reports for storage: the latest poll of PostgreSQL succeeded, and one succeeded
   * recently (a poll that hangs, rather than fails, shows as staleness). The feed polls every
   * {@code pollIntervalMs}, so readiness follows the database within about that long.
   */
  public boolean healthy() {
    return !stopped
        && !lastPollFailed
        && System.currentTimeMillis() - lastSuccessfulPoll < pollIntervalMs * 5 + 2000;
  }

  public Future<Void> stop() {
    return onContext(
        () -> {
          stopped = true;
          if (timerId >= 0) {
            vertx.cancelTimer(timerId);
          }
          return subscriber == null ? Future.succeededFuture() : subscriber.close();
        });
  }

  private Future<Void> subscribe() {
    subscriber = PgSubscriber.subscriber(vertx, connectOptions);
    subscriber.reconnectPolicy(retries -> 500L);
    subscriber.channel("vessel_events").handler(payload -> nudge());
    // A lost connection may have dropped notifications: poll once it is back.
    subscriber.channel("vessel_events").subscribeHandler(v -> nudge());
    return subscriber
        .connect()
        .recover(
            t -> {
              LOG.warn("LISTEN unavailable, relying on polling: {}", t.getMessage());
              return Future.succeededFuture();
            });
  }

  private Future<Void> loadSnapshot(boolean reset) {
    return pool.withConnection(
            conn ->
                conn.query(PgQueries.BEGIN_SNAPSHOT)
                    .execute()
                    .compose(v -> conn.preparedQuery(PgQueries.CURRENT_REVISION).execute())
                    .compose(
                        revision ->
                            conn.query(PgQueries.LIST_EVERYTHING)
                                .execute()
                                .map(
                                    rows -> {
                                      List<StoredObject> objects = new ArrayList<>(rows.size());
                                      for (Row row : rows) {
                                        objects.add(
                                            new StoredObject(
                                                new StorageKey(
                                                    row.getString(0),
                                                    row.getString(1),
                                                    row.getString(2)),
                                                row.getLong(3),
                                                row.getBuffer(4).getBytes()));
                                      }
                                      return new Object[] {
                                        revision.iterator().next().getLong(0), objects
                                      };
                                    }))
                    .eventually(() -> conn.query("COMMIT").execute()))
        .map(
            loaded -> {
              @SuppressWarnings("unchecked")
              List<StoredObject> objects = (List<StoredObject>) loaded[1];
              lastRv = (Long) loaded[0];
              lastPollFailed = false;
              lastSuccessfulPoll = System.currentTimeMillis();
              gapSince = 0;
              LOG.info("change feed at revision {} ({} objects)", lastRv, objects.size());
              listener.onSnapshot(lastRv, objects, reset);
              return null;
            });
  }

  private void poll() {
    if (stopped) {
      return;
    }
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    pollAgain = false;
    pool.preparedQuery(PgQueries.EVENTS_AFTER)
        .execute(Tuple.of(lastRv, BATCH))
        .onComplete(
            ar -> {
              polling = false;
              if (ar.failed()) {
                lastPollFailed = true;
                LOG.warn("change feed poll failed: {}", ar.cause().getMessage());
                return;
              }
              lastPollFailed = false;
              lastSuccessfulPoll = System.currentTimeMillis();
              List<StoredEvent> batch = new ArrayList<>(ar.result().size());
              boolean gap = false;
              for (Row row : ar.result()) {
                long rv = row.getLong(0);
                if (rv != lastRv + batch.size() + 1) {
                  gap = true;
                  break;
                }
                batch.add(
                    new StoredEvent(
                        rv,
                        StoredEvent.Type.ofCode(row.getShort(1)),
                        new StorageKey(row.getString(2), row.getString(3), row.getString(4)),
                        row.getBuffer(5).getBytes()));
              }
              if (!batch.isEmpty()) {
                lastRv = batch.get(batch.size() - 1).rv();
                gapSince = 0;
                listener.onEvents(batch);
              }
              if (gap) {
                handleGap();
              } else if (pollAgain || ar.result().size() == BATCH) {
                poll();
              }
            });
  }

  private void handleGap() {
    long now = System.currentTimeMillis();
    if (gapSince == 0) {
      gapSince = now;
    }
    if (now - gapSince < GAP_PATIENCE_MS) {
      vertx.setTimer(50, id -> poll());
      return;
    }
    LOG.warn("revision {} never appeared in the change log: resetting the watch caches", lastRv + 1);
    polling = true;
    loadSnapshot(true)
        .onComplete(
            ar -> {
              polling = false;
              if (ar.failed()) {
                LOG.warn("snapshot reload failed: {}", ar.cause().getMessage());
              }
              poll();
            });
  }

  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> work) {
    return Future.future(p -> context.runOnContext(v -> work.get().onComplete(p)));
  }
}
