package io.vessel.conformance.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vessel.certs.Kubeconfig;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An asynchronous HTTPS client of the API server, authenticated with the kubeconfig's client
 * certificate. One instance is one pool of connections: {@link #http1} models N independent clients
 * (one keep-alive connection each, as N kubectl processes would have), {@link #http2} multiplexes
 * many watch streams over a few connections, as informers do.
 *
 * <p>Threading: thread-safe; callbacks run on Vert.x event loops.
 */
final class ApiClient implements AutoCloseable {

  static final String JSON = "application/json";
  static final String MERGE_PATCH = "application/merge-patch+json";

  /** Non-watch requests that take longer than this fail (a LIST of 10,000 pods included). */
  private static final long REQUEST_TIMEOUT_MS = 60_000;

  private static final int GO_STREAM_WINDOW = 4 * 1024 * 1024;

  private final HttpClientAgent http;
  /**
   * Every exchange runs here. Composed from a benchmark thread instead, a fast response could
   * deliver its first bytes before the handlers were set, and a watch stream lost its events.
   */
  private final Context context;

  private ApiClient(HttpClientAgent http, Context context) {
    this.http = http;
    this.context = context;
  }

  /** HTTP/1.1 with keep-alive, at most {@code connections} connections (one request each). */
  static ApiClient http1(Vertx vertx, Kubeconfig kubeconfig, int connections) {
    var options = tls(kubeconfig).setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true);
    var pool = new PoolOptions().setHttp1MaxSize(connections).setEventLoopSize(0);
    return new ApiClient(
        vertx.httpClientBuilder().with(options).with(pool).build(), vertx.getOrCreateContext());
  }

  /**
   * HTTP/2 (ALPN), at most {@code connections} connections of at most {@code streamsPerConnection}
   * concurrent streams each.
   */
  static ApiClient http2(
      Vertx vertx, Kubeconfig kubeconfig, int connections, int streamsPerConnection) {
    var options =
        tls(kubeconfig)
            .setProtocolVersion(HttpVersion.HTTP_2)
            .setUseAlpn(true)
            .setHttp2MultiplexingLimit(streamsPerConnection)
            // the default 64 KiB connection window would throttle 50 busy watch streams
            .setHttp2ConnectionWindowSize(16 * 1024 * 1024)
            // client-go's windows (Go's HTTP/2 transport: 4 MiB per stream), not Vert.x's 64 KiB:
            // an informer's stream is rarely flow-controlled, and the bench should see the same
            .setInitialSettings(new Http2Settings().setInitialWindowSize(GO_STREAM_WINDOW));
    var pool = new PoolOptions().setHttp2MaxSize(connections).setEventLoopSize(0);
    return new ApiClient(
        vertx.httpClientBuilder().with(options).with(pool).build(), vertx.getOrCreateContext());
  }

  private static HttpClientOptions tls(Kubeconfig kubeconfig) {
    var server = URI.create(kubeconfig.server());
    if (kubeconfig.clientCertPem() == null || kubeconfig.caPem() == null) {
      throw new IllegalArgumentException("the kubeconfig needs a CA and a client certificate");
    }
    return new HttpClientOptions()
        .setSsl(true)
        .setDefaultHost(server.getHost())
        .setDefaultPort(server.getPort())
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(kubeconfig.caPem())))
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(kubeconfig.clientCertPem()))
                .addKeyValue(Buffer.buffer(kubeconfig.clientKeyPem())))
        .setVerifyHost(true)
        .setTcpNoDelay(true)
        .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
  }

  Future<Reply> get(String path) {
    return send(HttpMethod.GET, path, null, null);
  }

  /**
   * Sends one request and reads the whole answer. Fails only when there is no answer (connection,
   * timeout); any status is a {@link Reply}.
   */
  Future<Reply> send(HttpMethod method, String path, String contentType, Buffer body) {
    var options =
        new RequestOptions()
            .setMethod(method)
            .setURI(path)
            .setIdleTimeout(REQUEST_TIMEOUT_MS)
            .addHeader("Accept", JSON);
    if (contentType != null) {
      options.addHeader("Content-Type", contentType);
    }
    return onContext(() -> http.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(
            resp ->
                resp.body()
                    .map(
                        bytes ->
                            new Reply(method, path, resp.statusCode(), bytes, System.nanoTime()))));
  }

  /**
   * Opens a long-lived GET (a watch). {@code onHead} runs on the stream's context as soon as the
   * head arrives, before any body, so it can install its handlers without losing a byte; the future
   * then completes with that response. There is no idle timeout.
   */
  Future<HttpClientResponse> stream(String path, Consumer<HttpClientResponse> onHead) {
    var options =
        new RequestOptions().setMethod(HttpMethod.GET).setURI(path).addHeader("Accept", JSON);
    return onContext(() -> http.request(options)
        .compose(req -> req.send())
        .map(
            resp -> {
              onHead.accept(resp);
              return resp;
            }));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> exchange) {
    if (Vertx.currentContext() == context) {
      return exchange.get();
    }
    return Future.future(p -> context.runOnContext(v -> exchange.get().onComplete(p)));
  }

  @Override
  public void close() {
    http.close().await();
  }
}
