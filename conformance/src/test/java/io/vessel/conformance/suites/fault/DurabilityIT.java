package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost: 16 writers create and update ConfigMaps as fast as they can, the
 * server is killed with SIGKILL mid-stream and started again, and every write that got a 2xx must
 * be there with its value. A write whose answer never came may or may not have committed, so a
 * key may also hold a value sent after its last acknowledged one — nothing else.
 */
@Tag("fault")
@DisplayName("Durability under a server crash")
class DurabilityIT {
  private static final int WRITERS = 16;

  /** What one key saw: its last acknowledged value, and values sent without an answer since. */
  private static final class KeyHistory {
    volatile Integer acked;
    final Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
  }

  @Test
  @DisplayName("kill -9 during 16 concurrent writers, every acknowledged write survives the restart")
  void acknowledgedWritesSurviveKill() throws Exception {
    try (LocalCluster cluster = LocalCluster.start()) {
      String ns = "durable";
      RestResponse created =
          cluster.rest().post("/api/v1/namespaces", Json.parse("{\"metadata\":{\"name\":\"" + ns + "\"}}"));
      assertThat(created.status()).as(created.describe()).isEqualTo(201);
      String base = "/api/v1/namespaces/" + ns + "/configmaps";
      Map<String, KeyHistory> keys = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong acked = new AtomicLong();
      CountDownLatch warm = new CountDownLatch(WRITERS);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread t =
            new Thread(
                () -> {
                  boolean counted = false;
                  for (int k = 0; !stop.get(); k++) {
                    String name = "w" + writer + "-" + k;
                    KeyHistory h = new KeyHistory();
                    keys.put(name, h);
                    String rv = null;
                    for (int v = 0; v < 4 && !stop.get(); v++) {
                      h.unanswered.add(v);
                      String body =
                          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
                              + name
                              + "\""
                              + (rv == null ? "" : ",\"resourceVersion\":\"" + rv + "\"")
                              + "},\"data\":{\"v\":\""
                              + v
                              + "\"}}";
                      RestResponse r;
                      try {
                        r =
                            v == 0
                                ? cluster.rest().send("POST", base, "application/json", body)
                                : cluster.rest().send("PUT", base + "/" + name, "application/json", body);
                      } catch (RuntimeException e) {
                        return; // the server went away: this write's outcome is unknown
                      }
                      if (r.status() / 100 != 2) {
                        return;
                      }
                      h.unanswered.remove(v);
                      h.acked = v;
                      rv = r.json().path("metadata").path("resourceVersion").asText();
                      acked.incrementAndGet();
                      if (!counted) {
                        counted = true;
                        warm.countDown();
                      }
                    }
                  }
                },
                "writer-" + w);
        t.start();
        writers.add(t);
      }

      // When: the server dies in the middle of the writes
      warm.await();
      // Let the writers run a few seconds so the kill lands in the middle of a steady stream.
      Thread.sleep(3000);
      cluster.killHard();
      stop.set(true);
      for (Thread t : writers) {
        t.join(60_000);
      }
      cluster.up();

      // Then: every acknowledged value is there, or a later one that was sent
      JsonNode list = cluster.rest().get(base).json();
      Map<String, Integer> stored = new ConcurrentHashMap<>();
      // Every namespace also holds the cluster's kube-root-ca.crt, published by its controller.
      list.path("items").forEach(i -> stored.put(i.path("metadata").path("name").asText(), i.path("data").path("v").asInt()));
      stored.remove("kube-root-ca.crt");
      long checked = 0;
      for (Map.Entry<String, KeyHistory> e : keys.entrySet()) {
        KeyHistory h = e.getValue();
        Integer value = stored.get(e.getKey());
        if (h.acked == null) {
          assertThat(value == null || h.unanswered.contains(value))
              .as("%s was never acknowledged but holds %s", e.getKey(), value)
              .isTrue();
          continue;
        }
        checked++;
        assertThat(value).as("acknowledged key %s", e.getKey()).isNotNull();
        assertThat(value.equals(h.acked) || (value > h.acked && h.unanswered.contains(value)))
            .as("%s: acknowledged %s, unanswered %s, stored %s", e.getKey(), h.acked, h.unanswered, value)
            .isTrue();
      }
      assertThat(stored.keySet()).allMatch(keys::containsKey);
      assertThat(acked.get()).isGreaterThan(100);
      System.out.println(
          "durability: " + acked.get() + " acknowledged writes, " + checked + " keys checked after kill -9");
    }
  }
}
