package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.RestResponse;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.WatchEvent;
import io.vessel.conformance.harness.WatchStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optimistic concurrency is linearizable: 32 clients increment one counter with resourceVersion
 * preconditions and retry on 409; the final value equals the number of successful updates, and
 * a watch started before them replays exactly 1, 2, 3, … in order, with strictly increasing
 * resourceVersions.
 */
@Tag("fault")
@ExtendWith(SharedCluster.class)
@DisplayName("Linearizable updates")
class LinearizableCounterIT {
  private static final int CLIENTS = 32;
  private static final int INCREMENTS_EACH = 4;

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  LinearizableCounterIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @Test
  @DisplayName("32 clients increment a counter with preconditions, final value equals successful updates")
  void counter() throws Exception {
    String ns = namespaces.create("counter").path("metadata").path("name").asText();
    String path = "/api/v1/namespaces/" + ns + "/configmaps";
    RestResponse created =
        cluster.rest().post(path, Json.parse("{\"metadata\":{\"name\":\"c\"},\"data\":{\"n\":\"0\"}}"));
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    String startRv = created.json().path("metadata").path("resourceVersion").asText();

    String watchPath = path + "?watch=1&fieldSelector=metadata.name%3Dc&resourceVersion=";
    WatchStream cut = cluster.rest().watch(watchPath + startRv);
    try (WatchStream watch = cluster.rest().watch(watchPath + startRv)) {
      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Thread t =
            new Thread(
                () -> {
                  int done = 0;
                  while (done < INCREMENTS_EACH) {
                    var current = cluster.rest().get(path + "/c").json();
                    int n = current.path("data").path("n").asInt();
                    String rv = current.path("metadata").path("resourceVersion").asText();
                    RestResponse r =
                        cluster.rest().put(path + "/c", Json.parse(
                            "{\"metadata\":{\"name\":\"c\",\"resourceVersion\":\"" + rv
                                + "\"},\"data\":{\"n\":\"" + (n + 1) + "\"}}"));
                    if (r.status() == 200) {
                      successes.incrementAndGet();
                      done++;
                    } else if (r.status() == 409) {
                      conflicts.incrementAndGet();
                    } else {
                      throw new AssertionError(r.describe());
                    }
                  }
                });
        t.start();
        clients.add(t);
      }
      // A client whose watch breaks resumes from the last resourceVersion it saw.
      await().atMost(Duration.ofSeconds(30)).until(() -> cut.events().size() >= 10);
      cut.close();
      List<WatchEvent> before = cut.events();
      String lastSeen =
          before.get(before.size() - 1).object().path("metadata").path("resourceVersion").asText();
      WatchStream resumed = cluster.rest().watch(watchPath + lastSeen);
      for (Thread t : clients) {
        t.join();
      }

      int expected = CLIENTS * INCREMENTS_EACH;
      assertThat(successes.get()).isEqualTo(expected);
      int finalValue = cluster.rest().get(path + "/c").json().path("data").path("n").asInt();
      assertThat(finalValue).isEqualTo(expected);
      await().atMost(Duration.ofSeconds(30)).until(() -> watch.events().size() >= expected);
      List<WatchEvent> events = watch.events();
      assertThat(events).as(watch.describe()).hasSize(expected);
      long lastRv = Long.parseLong(startRv);
      for (int i = 0; i < expected; i++) {
        WatchEvent e = events.get(i);
        assertThat(e.type()).isEqualTo("MODIFIED");
        assertThat(e.object().path("data").path("n").asInt()).isEqualTo(i + 1);
        long rv = Long.parseLong(e.object().path("metadata").path("resourceVersion").asText());
        assertThat(rv).isGreaterThan(lastRv);
        lastRv = rv;
      }
      await().atMost(Duration.ofSeconds(30))
          .until(() -> before.size() + resumed.events().size() >= expected);
      List<WatchEvent> stitched = new ArrayList<>(before);
      stitched.addAll(resumed.events());
      resumed.close();
      assertThat(stitched).as(resumed.describe()).hasSize(expected);
      for (int i = 0; i < expected; i++) {
        assertThat(stitched.get(i).object().path("data").path("n").asInt())
            .as("event %d of the cut-and-resumed watch", i)
            .isEqualTo(i + 1);
      }
      System.out.println(
          "linearizable counter: " + successes.get() + " successful updates, " + conflicts.get()
              + " conflicts retried, " + events.size() + " watch events in order");
    }
  }
}
