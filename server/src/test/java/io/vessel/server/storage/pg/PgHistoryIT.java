package io.vessel.server.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredList;
import io.vessel.server.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reads "as of a revision" from the change log, and compaction, against real PostgreSQL. */
class PgHistoryIT {
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

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static byte[] value(String s) {
    return ("{\"v\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static String text(StoredObject o) {
    return new String(o.value(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> all(String resource, long rv, int pageSize) throws Exception {
    Map<String, String> out = new HashMap<>();
    StorageKey after = null;
    StoredList page;
    do {
      page = get(storage.listAt(resource, "", after, pageSize, rv));
      for (StoredObject o : page.items()) {
        out.put(o.key().name(), text(o));
        after = o.key();
      }
    } while (page.more());
    return out;
  }

  @Test
  @DisplayName("paged list, objects change between pages, later pages still show the first page's snapshot")
  void consistentPages() throws Exception {
    Map<String, StoredObject> objs = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      String n = "p" + i;
      objs.put(n, get(storage.create(new StorageKey("hist", "ns", n), rv -> value(n + "-v1"))));
    }
    StoredList first = get(storage.list("hist", "", null, 4));
    long snapshot = first.rv();
    assertThat(first.items()).hasSize(4);
    assertThat(first.remaining()).isEqualTo(6);

    // After the first page: delete one later item, update another, create a new one.
    get(storage.delete(objs.get("p7").key(), objs.get("p7").rv(), rv -> value("p7-final")));
    get(storage.update(objs.get("p8").key(), objs.get("p8").rv(), rv -> value("p8-v2")));
    get(storage.create(new StorageKey("hist", "ns", "p55"), rv -> value("p55-v1")));

    StoredList second = get(storage.listAt("hist", "", first.items().get(3).key(), 4, snapshot));
    StoredList third = get(storage.listAt("hist", "", second.items().get(3).key(), 4, snapshot));

    List<String> names = new ArrayList<>();
    second.items().forEach(o -> names.add(o.key().name()));
    third.items().forEach(o -> names.add(o.key().name()));
    assertThat(names).containsExactly("p4", "p5", "p6", "p7", "p8", "p9");
    assertThat(second.remaining()).isEqualTo(2);
    assertThat(third.more()).isFalse();
    assertThat(text(third.items().get(0))).contains("p8-v1");
    assertThat(second.rv()).isEqualTo(snapshot);

    Map<String, String> now = all("hist", get(storage.currentRevision()), 3);
    assertThat(now).containsKey("p55").doesNotContainKey("p7");
    assertThat(now.get("p8")).contains("p8-v2");
  }

  @Test
  @DisplayName("list at a revision not yet committed fails TOO_LARGE_RESOURCE_VERSION")
  void tooLarge() throws Exception {
    long current = get(storage.currentRevision());
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> get(storage.listAt("hist", "", null, 0, current + 100)));
    assertThat(((StorageException) e.getCause()).code())
        .isEqualTo(StorageException.Code.TOO_LARGE_RESOURCE_VERSION);
  }

  @Test
  @DisplayName("compaction, older revisions answer EXPIRED, newer ones still rebuild every object")
  void compaction() throws Exception {
    StoredObject a = get(storage.create(new StorageKey("comp", "ns", "a"), rv -> value("a1")));
    StoredObject b = get(storage.create(new StorageKey("comp", "ns", "b"), rv -> value("b1")));
    long before = get(storage.currentRevision());
    a = get(storage.update(a.key(), a.rv(), rv -> value("a2")));
    get(storage.delete(b.key(), b.rv(), rv -> value("b-final")));
    get(storage.create(new StorageKey("comp", "ns", "c"), rv -> value("c1")));
    long compactedAt = get(storage.currentRevision());

    Thread.sleep(1100);
    long compacted = get(new PgCompactor(fx.vertx, fx.writePool, 1, 60_000).compactNow());
    // A write after compaction: state at compactedAt must be rebuilt from the kept entries.
    get(storage.update(a.key(), a.rv(), rv -> value("a3")));

    assertThat(compacted).isGreaterThanOrEqualTo(compactedAt);
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> get(storage.listAt("comp", "", null, 0, before)));
    assertThat(((StorageException) e.getCause()).code()).isEqualTo(StorageException.Code.EXPIRED);
    Map<String, String> atCompaction = all("comp", compacted, 1);
    assertThat(atCompaction).containsOnlyKeys("a", "c");
    assertThat(atCompaction.get("a")).contains("a2");
  }
}
