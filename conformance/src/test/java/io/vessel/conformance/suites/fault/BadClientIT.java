package io.vessel.conformance.suites.fault;

import static io.vessel.conformance.harness.StatusAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.AckedWrites;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Clusters;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Failover;
import io.vessel.conformance.harness.FaultScale;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.RawConnections;
import io.vessel.conformance.harness.RestResponse;
import io.vessel.conformance.harness.WatchEvent;
import io.vessel.conformance.harness.WatchHistory;
import io.vessel.conformance.harness.WatchHistoryCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clients that misbehave must not hurt the others: after each kind of abuse another client still
 * gets correct answers, and the server's memory stays under {@link #RSS_BOUND_MIB} (reported, and
 * checked when the cluster is a local Vessel).
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Bad clients")
class BadClientIT {
  private static final String SUITE = "Bad clients";

  /**
   * The resident memory a local server must stay under through all of this: the heap limit the
   * launcher gives it (1 GiB), so abuse must not even push the heap to its maximum; more in the
   * long mode, for its 10,000 connections.
   */
  private static final long RSS_BOUND_MIB = FaultScale.pick(1024, 1536);

  private Cluster cluster;
  private RawConnections raw;
  private FaultNamespace ns;
  private final AtomicInteger healthChecks = new AtomicInteger();

  @BeforeAll
  void start() {
    cluster = Clusters.open();
    raw = RawConnections.to(cluster);
    ns = FaultNamespace.create(cluster.rest(), "bad-clients-" + System.nanoTime() % 100_000);
    var target =
        cluster.rest().post(ns.configMaps(), Json.parse("{\"metadata\":{\"name\":\"target\"}}"));
    assertThat(target.status()).as(target.describe()).isEqualTo(201);
    recordMemory("at start");
  }

  @AfterAll
  void stop() {
    if (cluster == null) {
      return;
    }
    try {
      cluster.rest().delete("/api/v1/namespaces/" + ns.name());
      recordMemory("at the end");
      if (cluster instanceof LocalCluster local) {
        long peakMib = local.rssKib()[1] / 1024;
        Figures.record(SUITE, "server RSS bound", RSS_BOUND_MIB + " MiB");
        assertThat(peakMib)
            .as("peak resident memory of the server, MiB (bound %d)", RSS_BOUND_MIB)
            .isLessThan(RSS_BOUND_MIB);
      }
    } finally {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("bodies over 3 MiB, declared or chunked, get 413 Status and the server carries on")
  void oversizedBodies() {
    var big = "x".repeat(4 * 1024 * 1024);
    var body = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + big + "\"}}";

    var declared = cluster.rest().send("POST", ns.configMaps(), "application/json", body);
    assertStatus(declared, 413, "RequestEntityTooLarge");
    var patched =
        cluster
            .rest()
            .send(
                "PATCH",
                ns.configMaps() + "/target",
                "application/merge-patch+json",
                "{\"data\":{\"k\":\"" + big + "\"}}");
    assertStatus(patched, 413, "RequestEntityTooLarge");

    // no Content-Length: the server must stop buffering at the limit on its own
    try (var socket = raw.tls(0)) {
      var head =
          "POST " + ns.configMaps() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n";
      RawConnections.write(socket, head);
      var chunk = "x".repeat(1024 * 1024);
      try {
        for (int i = 0; i < 5; i++) {
          RawConnections.write(
              socket, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        }
        RawConnections.write(socket, "0\r\n\r\n");
      } catch (UncheckedIOException e) {
        // the server may answer and close before it has read all of it
      }
      assertThat(RawConnections.readHead(socket, Duration.ofSeconds(30)))
          .startsWith("HTTP/1.1 413");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertHealthy("oversized bodies");
  }

  @ParameterizedTest(name = "{0}, {1} levels deep")
  @Order(2)
  @DisplayName("a deeply nested body gets a 2xx or a 400/422 Status, never a 5xx:")
  @CsvSource({
    "create JSON, 500", "create JSON, 1000", "create JSON, 10001",
    "create YAML, 1000", "create YAML, 10001",
    "merge patch, 1000", "merge patch, 10001",
    "strategic merge patch, 1000", "strategic merge patch, 10001",
    "JSON patch, 1000", "JSON patch, 10001",
    "server-side apply, 500", "server-side apply, 1000", "server-side apply, 10001",
    "update, 1000", "update, 10001"
  })
  void deeplyNestedBodies(String request, int depth) {
    // depth counts the levels of the whole body; the nesting goes into an unknown field
    var inner = "{\"a\":".repeat(depth - 2) + "1" + "}".repeat(depth - 2);
    var name = "deep-" + request.replace(' ', '-').toLowerCase() + "-" + depth;
    var object =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
            + "\"},\"zzz\":" + inner + "}";
    var target = ns.configMaps() + "/target";
    var rest = cluster.rest();
    RestResponse answer =
        switch (request) {
          case "create JSON" ->
              rest.send(
                  "POST", ns.configMaps() + "?fieldValidation=Ignore", "application/json", object);
          case "create YAML" ->
              rest.send(
                  "POST",
                  ns.configMaps() + "?fieldValidation=Ignore",
                  "application/yaml",
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\nzzz: "
                      + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n");
          case "merge patch" ->
              rest.send(
                  "PATCH",
                  target + "?fieldValidation=Ignore",
                  "application/merge-patch+json",
                  "{\"zzz\":" + inner + "}");
          case "strategic merge patch" ->
              rest.send(
                  "PATCH",
                  target + "?fieldValidation=Ignore",
                  "application/strategic-merge-patch+json",
                  "{\"zzz\":" + inner + "}");
          case "JSON patch" ->
              rest.send(
                  "PATCH",
                  target,
                  "application/json-patch+json",
                  "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":" + inner + "}]");
          case "server-side apply" ->
              rest.send(
                  "PATCH",
                  ns.configMaps() + "/" + name + "?fieldManager=deep&fieldValidation=Ignore",
                  "application/apply-patch+yaml",
                  object);
          case "update" ->
              rest.send(
                  "PUT",
                  target + "?fieldValidation=Ignore",
                  "application/json",
                  "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"target\"},"
                      + "\"zzz\":" + inner + "}");
          default -> throw new IllegalArgumentException(request);
        };

    assertThat(answer.status()).as(answer.describe()).isLessThan(500);
    if (answer.status() >= 400 || depth > 10_000) {
      // beyond Go's own decoder limit (10,000) every server must refuse it
      assertThat(answer.status()).as(answer.describe()).isIn(400, 422);
      assertThat(answer.json().path("kind").asText()).as(answer.describe()).isEqualTo("Status");
    }
    assertHealthy(request + " nested " + depth);
  }

  @Test
  @Order(3)
  @DisplayName(
      "garbage bytes, plain HTTP and broken TLS handshakes on the port are closed, others unharmed")
  void garbageAndBrokenHandshakes() {
    int count = FaultScale.pick(50, 1_000);
    var random = new Random(42);
    var garbage = new ArrayList<Socket>();
    var stalled = new ArrayList<Socket>();
    try {
      for (int i = 0; i < count; i++) {
        var socket = raw.plain();
        var bytes = new byte[4096];
        random.nextBytes(bytes);
        var plainHttp = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        write(socket, i % 2 == 0 ? bytes : plainHttp);
        garbage.add(socket);
        // a TLS record announcing a 512-byte ClientHello, of which only the start ever comes
        var hello = new byte[64];
        random.nextBytes(hello);
        hello[0] = 0x16;
        hello[1] = 0x03;
        hello[2] = 0x01;
        hello[3] = 0x02;
        hello[4] = 0x00;
        hello[5] = 0x01;
        var stall = raw.plain();
        write(stall, hello);
        stalled.add(stall);
      }
      assertHealthy("garbage and broken handshakes, connections still open");
      recordMemory("with " + count + " garbage and " + count + " stalled handshakes open");

      long start = System.nanoTime();
      for (var socket : garbage) {
        assertThat(RawConnections.drain(socket, Duration.ofSeconds(30)).ended())
            .as("the server closes a connection that sent garbage")
            .isTrue();
      }
      awaitClosedByServer("handshakes that never complete", new ArrayList<>(stalled));
      Figures.record(
          SUITE,
          "broken handshakes: until all " + count + " closed by the server",
          Figures.seconds((System.nanoTime() - start) / 1_000_000));
    } finally {
      garbage.forEach(BadClientIT::closeQuietly);
      stalled.forEach(BadClientIT::closeQuietly);
    }
    assertHealthy("garbage and broken handshakes");
  }

  @Test
  @Order(4)
  @DisplayName(
      "idle connections (silent TCP, idle TLS, half a request head) do not hurt others and are"
          + " closed")
  void idleConnections() {
    int count = FaultScale.pick(300, 10_000);
    var silent = new ArrayList<Socket>();
    var idleTls = new ArrayList<Socket>();
    var halfHead = new ArrayList<Socket>();
    try {
      long opening = System.nanoTime();
      for (int i = 0; i < count; i++) {
        switch (i % 3) {
          case 0 -> silent.add(raw.plain());
          case 1 -> idleTls.add(raw.tls(0));
          default -> {
            var socket = raw.tls(0);
            RawConnections.write(socket, "GET /api HTTP/1.1\r\nHost: x\r\nUser-Agent: slow");
            halfHead.add(socket);
          }
        }
      }
      Figures.record(
          SUITE,
          "idle connections: opening " + count,
          Figures.seconds((System.nanoTime() - opening) / 1_000_000));
      assertHealthy(count + " idle connections open");
      recordMemory("with " + count + " idle connections open");

      long start = System.nanoTime();
      var open = new ArrayList<Socket>();
      open.addAll(silent);
      open.addAll(idleTls);
      open.addAll(halfHead);
      awaitClosedByServer("connections that never send a request", open);
      Figures.record(
          SUITE,
          "idle connections: until all " + count + " closed by the server",
          Figures.seconds((System.nanoTime() - start) / 1_000_000));
    } finally {
      silent.forEach(BadClientIT::closeQuietly);
      idleTls.forEach(BadClientIT::closeQuietly);
      halfHead.forEach(BadClientIT::closeQuietly);
    }
    assertHealthy("idle connections");
  }

  @Test
  @Order(5)
  @DisplayName(
      "a watch consumer that never reads is cut off, another watcher gets every event in order")
  void slowWatchConsumer() throws IOException {
    int writes = FaultScale.pick(640, 2_000);
    int payload = 64 * 1024;
    var servers = new Failover(List.of(cluster.rest()));
    var ledger = new AckedWrites();
    var slowNs = FaultNamespace.create(cluster.rest(), "slow-" + System.nanoTime() % 100_000);
    long from = slowNs.resourceVersion();
    var watchPath = slowNs.configMaps() + "?watch=1&resourceVersion=" + from;
    // Given: a watcher that never reads, with a small receive window, and one that does
    try (var slow = raw.tls(64 * 1024);
        var fast = cluster.rest().watch(watchPath)) {
      RawConnections.write(slow, raw.get(watchPath));

      // When: about 40 MiB of events go out
      var writers = new ConfigMapWriters(servers, slowNs.name(), 4, payload, ledger).start();
      writers.awaitAcknowledged(writes);
      writers.stop();
      long sentinel = FaultNamespace.writeSentinel(cluster.rest(), slowNs.configMaps());

      // Then: the reading watcher got every event, in order, and replays to the final state
      Await.untilAsserted(
          "the reading watcher gets the last event",
          () ->
              assertThat(fast.events())
                  .anyMatch(e -> WatchHistory.resourceVersion(e) >= sentinel));
      var history =
          new WatchHistory(
              List.of(new WatchHistory.Segment(from, null, fast.events(), cluster.server())));
      var verdict =
          WatchHistoryCheck.check(
              "reading watcher",
              history,
              Map.of(),
              WatchHistoryCheck.everything(),
              ledger.acks(),
              FaultNamespace.list(cluster.rest(), slowNs.configMaps()));

      // and the one that never read was cut off: what it finally reads ends early, and is a
      // prefix of the full stream
      var drained = RawConnections.drain(slow, Duration.ofSeconds(60));
      assertThat(drained.ended()).as("the server ended the slow watch").isTrue();
      var received = events(drained.chunkedBody());
      var all = fast.events();
      assertThat(received.size())
          .as("events the slow watcher got before it was cut off")
          .isLessThan(all.size());
      for (int i = 0; i < received.size(); i++) {
        assertThat(WatchHistory.resourceVersion(received.get(i)))
            .as("event %d of the cut-off stream", i)
            .isEqualTo(WatchHistory.resourceVersion(all.get(i)));
      }
      Figures.record(
          SUITE, "slow watcher: events checked on the reading watcher", verdict.events());
      Figures.record(
          SUITE,
          "slow watcher: events the never-reading watcher got before the cut",
          received.size() + " of " + all.size() + " (" + drained.bytes().length / 1024 + " KiB)");
      recordMemory("after " + writes + " writes of " + payload / 1024 + " KiB to a slow watcher");
    }
    cluster.rest().delete("/api/v1/namespaces/" + slowNs.name());
    assertHealthy("slow watch consumer");
  }

  /** Waits until the server has closed every socket in {@code open} (which it empties). */
  private static void awaitClosedByServer(String what, List<Socket> open) {
    Await.untilAsserted(
        "the server closes " + what,
        () -> {
          open.removeIf(RawConnections::closedByPeer);
          assertThat(open).as("%s still open", what).isEmpty();
        });
  }

  /** A real client still gets correct answers: create, read back, list, delete; /readyz ok. */
  private void assertHealthy(String after) {
    var rest = cluster.rest();
    var name = "health-" + healthChecks.incrementAndGet();
    var created =
        rest.post(
            ns.configMaps(),
            Json.parse("{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"after\":\"ok\"}}"));
    assertThat(created.status())
        .as("create after %s: %s", after, created.describe())
        .isEqualTo(201);
    var read = rest.get(ns.configMaps() + "/" + name);
    assertThat(read.status()).as(read.describe()).isEqualTo(200);
    assertThat(read.json().path("data").path("after").asText()).isEqualTo("ok");
    var listed = FaultNamespace.list(rest, ns.configMaps());
    assertThat(listed).containsKey(name);
    var deleted = rest.delete(ns.configMaps() + "/" + name);
    assertThat(deleted.status()).as(deleted.describe()).isEqualTo(200);
    var ready = cluster.anonymousRest().get("/readyz");
    assertThat(ready.status()).as("/readyz after %s: %s", after, ready.describe()).isEqualTo(200);
  }

  private void recordMemory(String when) {
    if (cluster instanceof LocalCluster local) {
      long[] rss = local.rssKib();
      Figures.record(
          SUITE,
          "server RSS " + when + " (now / peak)",
          Figures.mib(rss[0]) + " / " + Figures.mib(rss[1]));
    }
  }

  private static List<WatchEvent> events(byte[] body) {
    var events = new ArrayList<WatchEvent>();
    try (var values = Json.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(body)) {
      while (values.hasNextValue()) {
        var event = values.nextValue();
        events.add(new WatchEvent(event.path("type").asText(), event.path("object")));
      }
    } catch (IOException | RuntimeException e) {
      // the cut may fall in the middle of a frame: keep the complete ones
    }
    return events;
  }

  private static void write(Socket socket, byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // the server may already have closed it: that is what we want
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
