package io.vessel.server.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vessel.server.registry.CatalogAttrs;
import io.vessel.server.api.Serialization;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredEvent.Type;
import io.vessel.server.storage.StoredObject;
import io.vessel.server.storage.cache.ObjectAttrs;
import io.vessel.server.storage.cache.WatchCaches;
import io.vessel.server.storage.cache.WatchDelivery;
import io.vessel.server.storage.cache.WatchFilter;
import io.vessel.server.storage.cache.WatchRequest;
import io.vessel.server.storage.cache.WatchSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Change feed → watch cache → watchers, with real PostgreSQL writes. */
class WatchFeedIT {
  private static PgFixture fx;
  private static PgStorage storage;
  private static WatchCaches caches;

  @BeforeAll
  static void start() throws Exception {
    fx = new PgFixture();
    caches =
        new WatchCaches(
            fx.vertx,
            fx.feedContext,
            (resource, value) -> attrs(value),
            /* window */ 50,
            60_000);
    storage = fx.start(caches);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  private static ObjectAttrs attrs(byte[] value) {
    try {
      return CatalogAttrs.of(null, Serialization.json().readTree(value));
    } catch (Exception e) {
      return ObjectAttrs.NONE;
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static byte[] obj(String name, String app, long rv) {
    return ("{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"ns\",\"resourceVersion\":\""
            + rv + "\",\"labels\":{\"app\":\"" + app + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Records what one watch received. */
  static final class Recorder implements WatchSink {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    final List<Long> rvs = Collections.synchronizedList(new ArrayList<>());
    volatile String expired;

    @Override
    public void deliver(List<WatchDelivery> events) {
      for (WatchDelivery d : events) {
        String name = attrs(d.object()).fields().get("metadata.name");
        seen.add(d.type() + " " + name);
        rvs.add(d.rv());
      }
    }

    @Override
    public void bookmark(long rv, boolean initialEventsEnd) {
      if (initialEventsEnd) {
        seen.add("END " + rv);
      }
    }

    @Override
    public void expire(String message) {
      expired = message;
    }
  }

  private static WatchFilter app(String value) {
    return new WatchFilter("", a -> value.equals(a.labels().get("app")));
  }

  @Test
  @DisplayName("a resource first written after other resources' writes still serves watches from before")
  void aResourceSeenLateKeepsItsHistoryFromTheSnapshot() throws Exception {
    long before = get(storage.currentRevision());
    // Other resources move the revision on; "late" has no cache yet.
    get(storage.create(new StorageKey("other", "ns", "o1"), rv -> obj("o1", "x", rv)));
    get(storage.create(new StorageKey("other", "ns", "o2"), rv -> obj("o2", "x", rv)));
    StoredObject first = get(storage.create(new StorageKey("late", "ns", "l1"), rv -> obj("l1", "x", rv)));
    await().atMost(Duration.ofSeconds(10)).until(() -> get(caches.revision()) >= first.rv());

    Recorder rec = new Recorder();
    get(caches.watch("late", WatchRequest.changesAfter(app("x"), before, false), rec));
    await().atMost(Duration.ofSeconds(10)).until(() -> rec.seen.size() >= 1);
    assertThat(rec.expired).isNull();
    assertThat(rec.seen).containsExactly("ADDED l1");
  }

  @Test
  @DisplayName("watch with a selector, objects enter and leave it, sees ADDED and DELETED")
  void selectorTable() throws Exception {
    long now = get(storage.currentRevision());
    Recorder rec = new Recorder();
    get(caches.watch("sel", WatchRequest.changesAfter(app("x"), now, false), rec));

    StorageKey k1 = new StorageKey("sel", "ns", "w1");
    StoredObject a = get(storage.create(k1, rv -> obj("w1", "x", rv)));
    StoredObject b = get(storage.update(k1, a.rv(), rv -> obj("w1", "y", rv)));
    StoredObject c = get(storage.update(k1, b.rv(), rv -> obj("w1", "x", rv)));
    StoredObject d = get(storage.update(k1, c.rv(), rv -> obj("w1", "x", rv)));
    get(storage.create(new StorageKey("sel", "ns", "w2"), rv -> obj("w2", "y", rv)));
    get(storage.delete(k1, d.rv(), rv -> obj("w1", "x", rv)));

    await().atMost(Duration.ofSeconds(10)).until(() -> rec.seen.size() >= 5);
    assertThat(rec.seen)
        .containsExactly("ADDED w1", "DELETED w1", "ADDED w1", "MODIFIED w1", "DELETED w1");
    assertThat(rec.rvs).isSorted();
  }

  @Test
  @DisplayName("four watchers, 300 concurrent writes, each sees every event once and in order")
  void concurrentWritesInOrder() throws Exception {
    long start = get(storage.currentRevision());
    List<Recorder> watchers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Recorder r = new Recorder();
      get(caches.watch("bulk", WatchRequest.changesAfter(WatchFilter.EVERYTHING, start, false), r));
      watchers.add(r);
    }
    List<Future<StoredObject>> writes = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String name = "o-" + i;
      StorageKey key = new StorageKey("bulk", "ns", name);
      writes.add(
          storage
              .create(key, rv -> obj(name, "a", rv))
              .compose(o -> storage.update(key, o.rv(), rv -> obj(name, "b", rv))));
    }
    get(Future.all(writes));

    for (Recorder r : watchers) {
      await().atMost(Duration.ofSeconds(20)).until(() -> r.seen.size() >= 300);
      assertThat(r.seen).hasSize(300);
      assertThat(r.rvs).isSorted().doesNotHaveDuplicates();
      assertThat(r.seen.stream().filter(s -> s.startsWith("ADDED"))).hasSize(150);
    }
  }

  @Test
  @DisplayName("watch from a past revision, within the window, replays exactly what followed")
  void resumeFromPast() throws Exception {
    StorageKey key = new StorageKey("resume", "ns", "r");
    StoredObject v1 = get(storage.create(key, rv -> obj("r", "x", rv)));
    StoredObject v2 = get(storage.update(key, v1.rv(), rv -> obj("r", "x", rv)));
    get(storage.update(key, v2.rv(), rv -> obj("r", "x", rv)));
    await().atMost(Duration.ofSeconds(10)).until(() -> get(caches.revision()) >= v2.rv() + 1);

    Recorder rec = new Recorder();
    get(caches.watch("resume", WatchRequest.changesAfter(WatchFilter.EVERYTHING, v1.rv(), false), rec));

    await().atMost(Duration.ofSeconds(10)).until(() -> rec.seen.size() >= 2);
    assertThat(rec.seen).containsExactly("MODIFIED r", "MODIFIED r");
    assertThat(rec.rvs.get(0)).isEqualTo(v2.rv());
  }

  @Test
  @DisplayName("watch from a revision older than the window fails EXPIRED (410 for clients)")
  void tooOld() throws Exception {
    StorageKey key = new StorageKey("old", "ns", "o");
    StoredObject first = get(storage.create(key, rv -> obj("o", "x", rv)));
    StoredObject last = first;
    for (int i = 0; i < 60; i++) {
      StoredObject prev = last;
      last = get(storage.update(key, prev.rv(), rv -> obj("o", "x", rv)));
    }
    long lastRv = last.rv();
    await().atMost(Duration.ofSeconds(10)).until(() -> get(caches.revision()) >= lastRv);

    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> get(caches.watch("old", WatchRequest.changesAfter(WatchFilter.EVERYTHING, first.rv(), false), new Recorder())));
    assertThat(e.getCause()).isInstanceOf(StorageException.class);
    assertThat(((StorageException) e.getCause()).code()).isEqualTo(StorageException.Code.EXPIRED);
    assertThat(e.getCause().getMessage()).startsWith("too old resource version: " + first.rv());
  }

  @Test
  @DisplayName("watch from the current state, sees existing objects as ADDED first")
  void initialState() throws Exception {
    get(storage.create(new StorageKey("init", "ns", "i1"), rv -> obj("i1", "x", rv)));
    get(storage.create(new StorageKey("init", "ns", "i2"), rv -> obj("i2", "y", rv)));
    long now = get(storage.currentRevision());

    Recorder rec = new Recorder();
    get(caches.watch("init", WatchRequest.stateThenChanges(app("x"), now, false), rec));
    get(storage.create(new StorageKey("init", "ns", "i3"), rv -> obj("i3", "x", rv)));

    await().atMost(Duration.ofSeconds(10)).until(() -> rec.seen.size() >= 2);
    assertThat(rec.seen).containsExactly("ADDED i1", "ADDED i3");
  }

  @Test
  @DisplayName("watch-list, initial events requested, sees the state, an end bookmark, then changes")
  void watchList() throws Exception {
    get(storage.create(new StorageKey("wl", "ns", "a"), rv -> obj("a", "x", rv)));
    long now = get(storage.currentRevision());

    Recorder rec = new Recorder();
    get(
        caches.watch(
            "wl",
            new WatchRequest(
                WatchFilter.EVERYTHING, WatchRequest.Start.STATE_THEN_CHANGES, 0, now, true, true),
            rec));
    get(storage.create(new StorageKey("wl", "ns", "b"), rv -> obj("b", "x", rv)));

    await().atMost(Duration.ofSeconds(10)).until(() -> rec.seen.size() >= 3);
    assertThat(rec.seen).containsExactly("ADDED a", "END " + now, "ADDED b");
  }
}
