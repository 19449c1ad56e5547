package io.vessel.server.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredList;
import io.vessel.server.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The storage contract against real PostgreSQL. */
class PgStorageIT {
  private static PgFixture fx;
  private static PgStorage storage;

  @BeforeAll
  static void start() throws Exception {
    fx = new PgFixture();
    storage = fx.storageOnly();
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static byte[] value(String s, long rv) {
    return ("{\"v\":\"" + s + "\",\"rv\":" + rv + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static StorageException.Code failure(Future<?> f) {
    try {
      await(f);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StorageException se) {
        return se.code();
      }
      throw new AssertionError("unexpected failure", e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  @DisplayName("create, then get, returns the bytes encoded at the new revision")
  void createThenGet() throws Exception {
    StorageKey key = new StorageKey("things", "a", "one");
    long before = await(storage.currentRevision());

    StoredObject created = await(storage.create(key, rv -> value("one", rv)));

    assertThat(created.rv()).isEqualTo(before + 1);
    StoredObject read = await(storage.get(key));
    assertThat(read.rv()).isEqualTo(created.rv());
    assertThat(new String(read.value(), StandardCharsets.UTF_8)).contains("\"rv\":" + created.rv());
  }

  @Test
  @DisplayName("create, key exists, fails KEY_EXISTS and consumes no revision")
  void createExisting() throws Exception {
    StorageKey key = new StorageKey("things", "a", "dup");
    await(storage.create(key, rv -> value("x", rv)));
    long before = await(storage.currentRevision());

    assertThat(failure(storage.create(key, rv -> value("y", rv))))
        .isEqualTo(StorageException.Code.KEY_EXISTS);

    assertThat(await(storage.currentRevision())).isEqualTo(before);
    StoredObject next = await(storage.create(new StorageKey("things", "a", "after-dup"), rv -> value("z", rv)));
    assertThat(next.rv()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("update, stale revision, fails CONFLICT and changes nothing")
  void updateStale() throws Exception {
    StorageKey key = new StorageKey("things", "a", "upd");
    StoredObject v1 = await(storage.create(key, rv -> value("1", rv)));
    StoredObject v2 = await(storage.update(key, v1.rv(), rv -> value("2", rv)));

    assertThat(failure(storage.update(key, v1.rv(), rv -> value("3", rv))))
        .isEqualTo(StorageException.Code.CONFLICT);

    StoredObject read = await(storage.get(key));
    assertThat(read.rv()).isEqualTo(v2.rv());
    assertThat(new String(read.value(), StandardCharsets.UTF_8)).contains("\"v\":\"2\"");
  }

  @Test
  @DisplayName("update and delete, missing object, fail NOT_FOUND")
  void missing() {
    StorageKey key = new StorageKey("things", "a", "nope");
    assertThat(failure(storage.update(key, 1, rv -> value("x", rv))))
        .isEqualTo(StorageException.Code.NOT_FOUND);
    assertThat(failure(storage.delete(key, 1, rv -> value("x", rv))))
        .isEqualTo(StorageException.Code.NOT_FOUND);
    assertThat(failure(storage.get(key))).isEqualTo(StorageException.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("delete, current revision, removes the object at a new revision")
  void delete() throws Exception {
    StorageKey key = new StorageKey("things", "a", "del");
    StoredObject v1 = await(storage.create(key, rv -> value("1", rv)));

    assertThat(failure(storage.delete(key, v1.rv() - 1, rv -> value("gone", rv))))
        .isEqualTo(StorageException.Code.CONFLICT);
    StoredObject deleted = await(storage.delete(key, v1.rv(), rv -> value("gone", rv)));

    assertThat(deleted.rv()).isGreaterThan(v1.rv());
    assertThat(failure(storage.get(key))).isEqualTo(StorageException.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("list, with a limit, pages in key order on one snapshot revision")
  void listPages() throws Exception {
    for (int i = 0; i < 25; i++) {
      String name = String.format("item-%02d", i);
      await(storage.create(new StorageKey("pages", i % 2 == 0 ? "even" : "odd", name), rv -> value(name, rv)));
    }
    List<StorageKey> seen = new ArrayList<>();
    StorageKey after = null;
    StoredList page;
    do {
      page = await(storage.list("pages", "", after, 10));
      page.items().forEach(o -> seen.add(o.key()));
      after = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1).key();
    } while (page.more());

    assertThat(seen).hasSize(25).isSorted();
    assertThat(await(storage.list("pages", "odd", null, 0)).items()).hasSize(12);
    StoredList all = await(storage.list("pages", "", null, 0));
    assertThat(all.more()).isFalse();
    assertThat(all.rv()).isEqualTo(await(storage.currentRevision()));
  }

  @Test
  @DisplayName("concurrent writers, many creates and updates, take consecutive revisions")
  void concurrentWritersGapFree() throws Exception {
    long before = await(storage.currentRevision());
    List<Future<StoredObject>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String name = "c-" + i;
      writes.add(
          storage
              .create(new StorageKey("concurrent", "", name), rv -> value(name, rv))
              .compose(o -> storage.update(o.key(), o.rv(), rv -> value(name + "-2", rv))));
    }
    await(Future.all(writes));

    long after = await(storage.currentRevision());
    assertThat(after - before).isEqualTo(400);
    var rows =
        await(
            fx.readPool
                .query("SELECT rv FROM vessel_events WHERE rv > " + before + " ORDER BY rv")
                .execute());
    long expected = before + 1;
    for (var row : rows) {
      assertThat(row.getLong(0)).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(after + 1);
  }

  @Test
  @DisplayName("get, after create, is immediately consistent")
  void readYourWrites() throws Exception {
    StorageKey key = new StorageKey("things", "b", "ryw");
    StoredObject created = await(storage.create(key, rv -> value("x", rv)));
    assertThat(await(storage.get(key)).rv()).isEqualTo(created.rv());
    assertThatThrownBy(() -> await(storage.create(key, rv -> value("x", rv))))
        .hasCauseInstanceOf(StorageException.class);
  }

  @Test
  @DisplayName("concurrent writes, most failing their condition, consume revisions only for the winners")
  void batchedFailuresLeaveNoGaps() throws Exception {
    StorageKey key = new StorageKey("race", "", "counter");
    StoredObject base = await(storage.create(key, rv -> value("0", rv)));
    for (int i = 0; i < 10; i++) {
      await(storage.create(new StorageKey("race", "", "taken-" + i), rv -> value("t", rv)));
    }
    long before = await(storage.currentRevision());

    List<Future<StoredObject>> updates = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String v = "u" + i;
      updates.add(storage.update(key, base.rv(), rv -> value(v, rv)));
    }
    List<Future<StoredObject>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = (i % 2 == 0 ? "taken-" : "fresh-") + (i / 2);
      creates.add(storage.create(new StorageKey("race", "", name), rv -> value(name, rv)));
    }
    await(Future.join(updates).otherwiseEmpty());
    await(Future.join(creates).otherwiseEmpty());

    long wonUpdates = updates.stream().filter(Future::succeeded).count();
    long conflicts =
        updates.stream()
            .filter(f -> f.failed() && ((StorageException) f.cause()).code() == StorageException.Code.CONFLICT)
            .count();
    long wonCreates = creates.stream().filter(Future::succeeded).count();
    long exists =
        creates.stream()
            .filter(f -> f.failed() && ((StorageException) f.cause()).code() == StorageException.Code.KEY_EXISTS)
            .count();
    assertThat(wonUpdates).isEqualTo(1);
    assertThat(conflicts).isEqualTo(49);
    assertThat(wonCreates).isEqualTo(10);
    assertThat(exists).isEqualTo(10);
    long after = await(storage.currentRevision());
    assertThat(after - before).isEqualTo(wonUpdates + wonCreates);
    var rows =
        await(fx.readPool.query("SELECT rv FROM vessel_events WHERE rv > " + before + " ORDER BY rv").execute());
    long expected = before + 1;
    for (var row : rows) {
      assertThat(row.getLong(0)).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(after + 1);
  }
}
