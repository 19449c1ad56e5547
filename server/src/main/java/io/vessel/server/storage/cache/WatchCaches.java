package io.vessel.server.storage.cache;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vessel.server.storage.ChangeListener;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredEvent;
import io.vessel.server.storage.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The watch caches of all resources, fed by the change feed. It knows the global revision the
 * caches have reached, serves lists at that revision, and registers watches so that no event is
 * skipped, repeated or reordered.
 *
 * <p>Threading: everything here is owned by {@code context}; public methods hop onto it.
 */
public final class WatchCaches implements ChangeListener {
  /** How long a read may wait for the cache to reach a requested revision (as upstream, 3 s). */
  private static final long WAIT_FOR_RV_MS = 3000;

  private final Vertx vertx;
  private final Context context;
  private final AttrsExtractor extractor;
  private final int windowCapacity;
  private final long windowMaxAgeMs;
  private final Map<String, WatchCache> caches = new HashMap<>();
  private final List<RvWaiter> waiters = new ArrayList<>();
  private long rv = -1;
  /** The revision of the last snapshot: every cache made later is complete from here on. */
  private long snapshotRv = -1;
  private long bookmarkTimer = -1;

  private record RvWaiter(long rv, Promise<Void> promise) {}

  /** A registered watch; {@link #cancel} is idempotent and callable from any thread. */
  public interface Registration {
    void cancel();
  }

  public WatchCaches(
      Vertx vertx,
      Context context,
      AttrsExtractor extractor,
      int windowCapacity,
      long windowMaxAgeMs) {
    this.vertx = vertx;
    this.context = context;
    this.extractor = extractor;
    this.windowCapacity = windowCapacity;
    this.windowMaxAgeMs = windowMaxAgeMs;
  }

  public Context context() {
    return context;
  }

  /** Starts the periodic BOOKMARK events (upstream sends them about once a minute). */
  public void startBookmarks(long intervalMs) {
    context.runOnContext(
        v -> bookmarkTimer = vertx.setPeriodic(intervalMs, id -> sendBookmarks()));
  }

  public void stop() {
    context.runOnContext(
        v -> {
          if (bookmarkTimer >= 0) {
            vertx.cancelTimer(bookmarkTimer);
          }
          for (WatchCache c : caches.values()) {
            for (Watcher w : c.watchers()) {
              w.closed = true;
            }
          }
        });
  }

  @Override
  public void onSnapshot(long snapshotRv, List<StoredObject> objects, boolean reset) {
    Map<String, List<StoredObject>> byResource = new LinkedHashMap<>();
    for (StoredObject o : objects) {
      byResource.computeIfAbsent(o.key().resource(), r -> new ArrayList<>()).add(o);
    }
    for (String resource : byResource.keySet()) {
      cache(resource);
    }
    for (Map.Entry<String, WatchCache> e : caches.entrySet()) {
      e.getValue().reset(snapshotRv, byResource.getOrDefault(e.getKey(), List.of()));
    }
    rv = snapshotRv;
    this.snapshotRv = snapshotRv;
    releaseWaiters();
  }

  @Override
  public void onEvents(List<StoredEvent> events) {
    long now = System.currentTimeMillis();
    Map<WatchCache, List<CacheEvent>> touched = new LinkedHashMap<>();
    for (StoredEvent e : events) {
      WatchCache cache = cache(e.key().resource());
      touched.computeIfAbsent(cache, c -> new ArrayList<>()).add(cache.apply(e, now));
    }
    rv = events.get(events.size() - 1).rv();
    for (Map.Entry<WatchCache, List<CacheEvent>> e : touched.entrySet()) {
      e.getKey().dispatch(e.getValue());
    }
    releaseWaiters();
  }

  /** The revision the caches have reached (-1 before the first snapshot). */
  public Future<Long> revision() {
    return onContext(() -> Future.succeededFuture(rv));
  }

  /** The cached object at {@code key}, or null: whatever the cache holds now (no freshness). */
  public Future<CachedObject> get(StorageKey key) {
    return onContext(() -> Future.succeededFuture(cache(key.resource()).get(key)));
  }

  /** Lists from the cache once it has reached {@code minRv}; fails TOO_LARGE after 3 s. */
  public Future<CachedList> list(String resource, WatchFilter filter, long minRv) {
    return onContext(
        () ->
            awaitRv(minRv)
                .map(v -> new CachedList(rv, cache(resource).list(filter))));
  }

  /**
   * Registers a watch. Fails with EXPIRED if it asks to resume from a revision older than the
   * resource's window, and with TOO_LARGE_RESOURCE_VERSION if the cache does not reach {@code
   * request.minRv()} in time.
   */
  public Future<Registration> watch(String resource, WatchRequest request, WatchSink sink) {
    return onContext(
        () ->
            awaitRv(request.minRv())
                .compose(
                    v -> {
                      WatchCache cache = cache(resource);
                      WatchRequest.Start start = request.start();
                      long startAfter =
                          start == WatchRequest.Start.CHANGES_AFTER ? request.fromRv() : rv;
                      Watcher w =
                          new Watcher(request.filter(), sink, startAfter, request.bookmarks());
                      long replayFrom =
                          start == WatchRequest.Start.STATE_THEN_CHANGES ? -1 : startAfter;
                      if (!cache.addWatcher(w, replayFrom)) {
                        return Future.failedFuture(
                            new StorageException(
                                StorageException.Code.EXPIRED,
                                null,
                                "too old resource version: "
                                    + request.fromRv()
                                    + " ("
                                    + (cache.validFrom() + 1)
                                    + ")"));
                      }
                      if (request.initialEventsEnd()) {
                        sink.bookmark(rv, true);
                      }
                      Registration reg =
                          () -> context.runOnContext(x -> cache.removeWatcher(w));
                      return Future.succeededFuture(reg);
                    }));
  }

  private WatchCache cache(String resource) {
    return caches.computeIfAbsent(
        resource,
        r -> {
          WatchCache c = new WatchCache(r, extractor, windowCapacity, windowMaxAgeMs);
          // A resource first seen now had no event since the snapshot (its first one would have
          // made the cache): its empty history is complete from the snapshot on, so a watch
          // from any revision since then is served, not refused as too old.
          c.reset(Math.max(snapshotRv, 0), List.of());
          return c;
        });
  }

  private Future<Void> awaitRv(long wanted) {
    if (rv >= 0 && rv >= wanted) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    RvWaiter waiter = new RvWaiter(wanted, p);
    waiters.add(waiter);
    vertx.setTimer(
        WAIT_FOR_RV_MS,
        id -> {
          if (waiters.remove(waiter)) {
            p.fail(
                new StorageException(
                    StorageException.Code.TOO_LARGE_RESOURCE_VERSION,
                    null,
                    "Too large resource version: " + wanted + ", current: " + rv));
          }
        });
    return p.future();
  }

  private void releaseWaiters() {
    for (Iterator<RvWaiter> it = waiters.iterator(); it.hasNext(); ) {
      RvWaiter w = it.next();
      if (rv >= w.rv()) {
        it.remove();
        w.promise().complete();
      }
    }
  }

  private void sendBookmarks() {
    if (rv < 0) {
      return;
    }
    for (WatchCache c : caches.values()) {
      for (Watcher w : c.watchers()) {
        if (w.bookmarks && !w.closed) {
          w.sink.bookmark(rv, false);
        }
      }
    }
  }

  /**
   * Runs {@code work} on the cache's context and answers on the caller's: a request's response
   * must be written from its own connection's context, never from the cache's thread.
   */
  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    io.vertx.core.Context caller = Vertx.currentContext();
    if (caller == context) {
      return work.get();
    }
    return Future.future(
        p ->
            context.runOnContext(
                v ->
                    work.get()
                        .onComplete(
                            ar -> {
                              if (caller == null) {
                                p.handle(ar);
                              } else {
                                caller.runOnContext(x -> p.handle(ar));
                              }
                            })));
  }
}
