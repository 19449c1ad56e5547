package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of the fault suites: writer threads that each create ConfigMaps ({@code wN-K}) and
 * update every one a few times with resourceVersion preconditions, as fast as the server answers,
 * recording every write in an {@link AckedWrites} ledger.
 *
 * <p>Each value {@code v} of a key is written as {@code data.v} with label {@code
 * fault-parity=even|odd}, so selector watches see objects enter and leave their selection. A write
 * that fails in any way (no connection, a timeout, any non-2xx) leaves its key's state unknown: the
 * writer moves on to a new key after a short pause, and reports an unreachable server to the
 * {@link Failover} so that every writer moves to the next server.
 *
 * <p>Threading: {@link #start} and {@link #stop} from the test thread; one thread per writer.
 */
public final class ConfigMapWriters implements AutoCloseable {

  /** Writes per key: one create, then updates. */
  public static final int VALUES_PER_KEY = 4;

  /** Label whose value is even or odd with the written value. */
  public static final String PARITY_LABEL = "fault-parity";

  /** The client's pause after a failed write, as client-go backs off rather than spinning. */
  private static final long BACKOFF_MS = 100;

  private final Failover servers;
  private final String path;
  private final int writers;
  private final String payload;
  private final AckedWrites ledger;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Map<String, AtomicLong> failureKinds = new ConcurrentSkipListMap<>();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param servers where to send writes
   * @param namespace the namespace to write in, which must exist
   * @param writers how many writer threads
   * @param payloadBytes size of the filler value in each object ({@code data.pad}), 0 for none
   * @param ledger where every write is recorded
   */
  public ConfigMapWriters(
      Failover servers, String namespace, int writers, int payloadBytes, AckedWrites ledger) {
    this.servers = servers;
    this.path = "/api/v1/namespaces/" + namespace + "/configmaps";
    this.writers = writers;
    this.payload = "x".repeat(payloadBytes);
    this.ledger = ledger;
  }

  /** Starts the writer threads. */
  public ConfigMapWriters start() {
    for (int w = 0; w < writers; w++) {
      int writer = w;
      var thread = new Thread(() -> write(writer), "writer-" + w);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    return this;
  }

  private void write(int writer) {
    for (int k = 0; !stop.get(); k++) {
      var name = "w" + writer + "-" + k;
      String rv = null;
      for (int v = 0; v < VALUES_PER_KEY && !stop.get(); v++) {
        ledger.sending(name, v);
        var server = servers.current();
        RestResponse answer;
        try {
          requests.incrementAndGet();
          var body = Json.write(object(name, v, rv));
          answer =
              v == 0
                  ? server.send("POST", path, "application/json", body)
                  : server.send("PUT", path + "/" + name, "application/json", body);
        } catch (UncheckedIOException e) {
          servers.unreachable(server);
          failed(e.getCause() == null ? "I/O error" : e.getCause().getClass().getSimpleName());
          break;
        }
        if (answer.status() / 100 != 2) {
          failed("HTTP " + answer.status());
          break;
        }
        var object = answer.json();
        ledger.acknowledged(name, v, object);
        rv = object.path("metadata").path("resourceVersion").asText();
      }
    }
  }

  private ObjectNode object(String name, int value, String resourceVersion) {
    var object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
    var metadata = object.putObject("metadata").put("name", name);
    if (resourceVersion != null) {
      metadata.put("resourceVersion", resourceVersion);
    }
    metadata.putObject("labels").put(PARITY_LABEL, value % 2 == 0 ? "even" : "odd");
    var data = object.putObject("data").put("v", Integer.toString(value));
    if (!payload.isEmpty()) {
      data.put("pad", payload);
    }
    return object;
  }

  private void failed(String kind) {
    failures.incrementAndGet();
    failureKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    try {
      TimeUnit.MILLISECONDS.sleep(BACKOFF_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  /** Waits until at least {@code count} writes have been acknowledged in total. */
  public void awaitAcknowledged(long count) {
    Await.untilAsserted(
        count + " acknowledged writes",
        () ->
            assertThat(ledger.acknowledgedCount())
                .as("acknowledged so far (%d failed of %d sent)", failures.get(), requests.get())
                .isGreaterThanOrEqualTo(count));
  }

  /** Requests sent so far. */
  public long requests() {
    return requests.get();
  }

  /** Requests that did not get a 2xx (no connection, timeout, error status). */
  public long failures() {
    return failures.get();
  }

  /** Failed requests by kind ("HTTP 503", "ConnectException", ...), for figures and messages. */
  public String failureKinds() {
    var text = new StringBuilder();
    failureKinds.forEach(
        (kind, n) -> text.append(text.length() == 0 ? "" : ", ").append(kind).append(": ").append(n));
    return text.length() == 0 ? "none" : text.toString();
  }

  /** Stops the writers and waits until every request in flight has its answer (or its failure). */
  public void stop() {
    stop.set(true);
    for (var thread : threads) {
      try {
        thread.join(2 * RestClient.REQUEST_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        throw new AssertionError(thread.getName() + " did not stop");
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
