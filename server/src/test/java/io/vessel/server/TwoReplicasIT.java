package io.vessel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vessel.certs.ClusterPki;
import io.vessel.certs.ServingIdentity;
import io.vessel.server.api.Serialization;
import io.vessel.server.boot.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two API server replicas on one PostgreSQL serve the same data and identical watch streams. */
class TwoReplicasIT {
  private static Path dir;
  private static EmbeddedPostgres pg;
  private static ApiServer a;
  private static ApiServer b;
  private static int portA;
  private static int portB;
  private static Vertx vertx;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("vessel-replicas");
    pg = EmbeddedPostgres.start(dir.resolve("pg"), dir.resolve("pg.log"));
    ClusterPki pki =
        ClusterPki.loadOrCreate(dir.resolve("pki"), ServingIdentity.of("localhost"));
    portA = freePort();
    portB = freePort();
    a = start(pki, portA);
    b = start(pki, portB);
    vertx = Vertx.vertx();
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.ca().certificatePem())))
                .setKeyCertOptions(
                    new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(pki.admin().certificatePem()))
                        .addKeyValue(Buffer.buffer(pki.admin().privateKeyPem()))),
            new io.vertx.core.http.PoolOptions().setHttp1MaxSize(8));
  }

  private static ApiServer start(ClusterPki pki, int port) throws Exception {
    ServerConfig config = new ServerConfig(dir, port, "127.0.0.1", pg.url(), List.of());
    return ApiServer.start(config, pki, pg.url()).await(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    a.stop().await(20, TimeUnit.SECONDS);
    b.stop().await(20, TimeUnit.SECONDS);
    pg.close();
    io.vessel.server.testing.TempDirs.delete(dir);
  }

  private static <T> io.vertx.core.Future<T> onContext(
      java.util.function.Supplier<io.vertx.core.Future<T>> exchange) {
    io.vertx.core.Context ctx = vertx.getOrCreateContext();
    return io.vertx.core.Future.future(p -> ctx.runOnContext(v -> exchange.get().onComplete(p)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static JsonNode call(int port, HttpMethod method, String path, String contentType, String body)
      throws Exception {
    RequestOptions opts = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    // The exchange runs on one context: composed from the test thread, a fast response could
    // deliver its body before the body handler is set.
    Buffer response =
        onContext(() -> client
            .request(opts)
            .compose(
                req -> {
                  if (contentType != null) {
                    req.putHeader("Content-Type", contentType);
                  }
                  return body == null ? req.send() : req.send(body);
                })
            .compose(
                resp ->
                    resp.body()
                        .map(
                            b -> {
                              if (resp.statusCode() / 100 != 2) {
                                throw new AssertionError(
                                    method + " " + path + " on " + port + ": " + resp.statusCode() + " " + b);
                              }
                              return b;
                            })))
            .await(30, TimeUnit.SECONDS);
    return Serialization.json().readTree(response.getBytes());
  }

  /** Opens a watch and collects "TYPE name step rv" lines as frames arrive. */
  private static List<String> watch(int port, String rv) throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    RequestOptions opts =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/api/v1/namespaces?watch=1&resourceVersion=" + rv + "&labelSelector=test%3Dreplicas");
    StringBuilder pending = new StringBuilder();
    onContext(() -> client
        .request(opts)
        .compose(req -> req.send())
        .onSuccess(
            resp ->
                resp.handler(
                    chunk -> {
                      synchronized (pending) {
                        pending.append(chunk.toString());
                        int nl;
                        while ((nl = pending.indexOf("\n")) >= 0) {
                          String line = pending.substring(0, nl);
                          pending.delete(0, nl + 1);
                          try {
                            JsonNode ev = Serialization.json().readTree(line);
                            JsonNode meta = ev.path("object").path("metadata");
                            seen.add(
                                ev.path("type").asText()
                                    + " "
                                    + meta.path("name").asText()
                                    + " "
                                    + meta.path("annotations").path("step").asText("-")
                                    + " "
                                    + meta.path("resourceVersion").asText());
                          } catch (Exception e) {
                            seen.add("BAD " + line);
                          }
                        }
                      }
                    })))
        .await(30, TimeUnit.SECONDS);
    return seen;
  }

  private static String rvOf(List<String> events, String prefix) {
    return events.stream()
        .filter(e -> e.startsWith(prefix))
        .map(e -> e.substring(e.lastIndexOf(' ') + 1))
        .findFirst()
        .orElse("none");
  }

  @Test
  @DisplayName("writes through both replicas, watches on both, see identical ordered event streams")
  void identicalStreams() throws Exception {
    String rv = call(portB, HttpMethod.GET, "/api/v1/namespaces", null, null).path("metadata").path("resourceVersion").asText();
    List<String> onA = watch(portA, rv);
    List<String> onB = watch(portB, rv);

    int n = 30;
    for (int i = 0; i < n; i++) {
      int port = i % 2 == 0 ? portA : portB;
      call(port, HttpMethod.POST, "/api/v1/namespaces", "application/json",
          "{\"metadata\":{\"name\":\"rep-" + i + "\",\"labels\":{\"test\":\"replicas\"}}}");
    }
    for (int i = 0; i < n; i++) {
      int port = i % 2 == 0 ? portB : portA;
      call(port, HttpMethod.PATCH, "/api/v1/namespaces/rep-" + i, "application/merge-patch+json",
          "{\"metadata\":{\"annotations\":{\"step\":\"2\"}}}");
    }
    // Leaving the selector is seen as DELETED on both replicas.
    call(portA, HttpMethod.PATCH, "/api/v1/namespaces/rep-0", "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"test\":null}}}");

    int expected = 2 * n + 1;
    await().atMost(Duration.ofSeconds(30)).until(() -> onA.size() >= expected && onB.size() >= expected);
    assertThat(onA).hasSize(expected).isEqualTo(onB);
    assertThat(onA.stream().filter(s -> s.startsWith("ADDED"))).hasSize(n);
    assertThat(onA.stream().filter(s -> s.startsWith("MODIFIED"))).hasSize(n);
    assertThat(onA.get(expected - 1)).startsWith("DELETED rep-0 2 ");
    assertThat(onA).contains("MODIFIED rep-7 2 " + rvOf(onA, "MODIFIED rep-7 "));
    List<Long> rvs = onA.stream().map(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1))).toList();
    assertThat(rvs).isSorted().doesNotHaveDuplicates();
    JsonNode listB = call(portB, HttpMethod.GET, "/api/v1/namespaces/rep-7", null, null);
    assertThat(listB.path("metadata").path("annotations").path("step").asText()).as(listB + " after " + onB).isEqualTo("2");
  }
}
