package io.vessel.server.http;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.parsetools.RecordParser;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Watchers that stop reading for a while (flow control pushes back on the server) still get
 * every event once they read again: the server's backlog drains, nothing is skipped. One that
 * takes nothing at all for the stall timeout is cut off, so it re-watches instead of hanging.
 */
class SlowWatchReaderIT {
  @Test
  void aWatcherThatTakesNothingIsCutOff() throws Exception {
    System.setProperty("vessel.watch.stallTimeoutMs", "3000");
    try (LiveServer live = LiveServer.start()) {
      System.clearProperty("vessel.watch.stallTimeoutMs");
      ApiClient api = live.client();
      Blocking.await(api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName("stuck").endMetadata().build()));
      Vertx vertx = Vertx.vertx();
      HttpClient http =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setSsl(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2)
                  .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(live.pki().ca().certificatePem())))
                  .setKeyCertOptions(new PemKeyCertOptions()
                      .addCertValue(Buffer.buffer(live.pki().admin().certificatePem()))
                      .addKeyValue(Buffer.buffer(live.pki().admin().privateKeyPem()))));
      var cut = new CompletableFuture<Throwable>();
      HttpClientResponse resp =
          http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(live.port(0))
                  .setURI("/api/v1/namespaces/stuck/configmaps?watch=1"))
              .compose(req -> req.send().map(r -> {
                r.handler(b -> {});
                r.exceptionHandler(cut::complete);
                r.endHandler(v -> cut.complete(null));
                r.pause(); // and never resumed: no flow-control credit goes back to the server
                return r;
              }))
              .await(30, TimeUnit.SECONDS);
      assertThat(resp.statusCode()).isEqualTo(200);

      // a few MB of events: far beyond the stream's flow-control window
      String payload = "x".repeat(100_000);
      for (int i = 0; i < 30; i++) {
        Blocking.await(api.create(CONFIG_MAPS, new ConfigMapBuilder().withNewMetadata().withNamespace("stuck").withName("big-" + i).endMetadata()
            .addToData("v", payload).build()));
      }

      // the stream is reset (a watch left alone would wait here, unended, for its timeout)
      assertThat(cut.get(60, TimeUnit.SECONDS)).isInstanceOf(StreamResetException.class);
      // the server goes on serving everyone else
      assertThat(Blocking.await(api.listAll(CONFIG_MAPS, "stuck", io.vessel.kit.client.ListOptions.ALL)).items())
          .filteredOn(c -> c.getMetadata().getName().startsWith("big-"))
          .hasSize(30);
      http.close();
      vertx.close();
      api.close();
    } finally {
      System.clearProperty("vessel.watch.stallTimeoutMs");
    }
  }

  @Test
  void pausedHttp2WatchersCatchUpWithEveryEvent() throws Exception {
    try (LiveServer live = LiveServer.start()) {
      ApiClient api = live.client();
      Blocking.await(api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName("slow").endMetadata().build()));
      String rv = Blocking.await(api.listAll(CONFIG_MAPS, "slow", io.vessel.kit.client.ListOptions.ALL)).resourceVersion();
      Vertx vertx = Vertx.vertx();
      HttpClient http =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setSsl(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2)
                  .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(live.pki().ca().certificatePem())))
                  .setKeyCertOptions(new PemKeyCertOptions()
                      .addCertValue(Buffer.buffer(live.pki().admin().certificatePem()))
                      .addKeyValue(Buffer.buffer(live.pki().admin().privateKeyPem()))),
              new PoolOptions().setHttp2MaxSize(1));
      int watchers = 20;
      List<AtomicInteger> counts = new ArrayList<>();
      List<HttpClientResponse> responses = new ArrayList<>();
      for (int i = 0; i < watchers; i++) {
        AtomicInteger n = new AtomicInteger();
        counts.add(n);
        HttpClientResponse resp =
            http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(live.port(0))
                    .setURI("/api/v1/namespaces/slow/configmaps?watch=1&resourceVersion=" + rv))
                .compose(req -> req.send().map(r -> {
                  r.handler(RecordParser.newDelimited("\n", line -> {
                    if (line.toString().contains("\"ADDED\"") && line.toString().contains("big-")) {
                      n.incrementAndGet();
                    }
                  }));
                  r.pause();
                  return r;
                }))
                .await(30, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        responses.add(resp);
      }
      String payload = "x".repeat(8000);
      int writes = 300;
      for (int i = 0; i < writes; i++) {
        Blocking.await(api.create(CONFIG_MAPS, new ConfigMapBuilder().withNewMetadata().withNamespace("slow").withName("big-" + i).endMetadata()
            .addToData("v", payload).build()));
      }
      Thread.sleep(2000);
      responses.forEach(HttpClientResponse::resume);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(counts).allSatisfy(c -> assertThat(c.get()).isEqualTo(writes)));
      http.close();
      vertx.close();
      api.close();
    }
  }
}
