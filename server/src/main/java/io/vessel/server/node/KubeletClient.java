package io.vessel.server.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vessel.kit.stream.UpgradeProxy;
import io.vessel.kit.stream.UpgradeRefusedException;
import io.vessel.server.api.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The server's HTTPS client to node agents' kubelet APIs, presenting a client certificate in
 * system:masters. Like kube-apiserver without {@code --kubelet-certificate-authority}, it does not
 * verify the agent's self-signed serving certificate: the agent authenticates the server, not the
 * other way round (partial; see the README).
 */
public final class KubeletClient {
  static final int CONNECT_TIMEOUT_MS = 5_000;

  private final HttpClient http;
  private final NetClient upgrades;

  public KubeletClient(Vertx vertx, String clientCertPem, String clientKeyPem) {
    var options =
        new HttpClientOptions()
            .setSsl(true)
            .setTrustAll(true)
            .setVerifyHost(false)
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .addCertValue(Buffer.buffer(clientCertPem))
                    .addKeyValue(Buffer.buffer(clientKeyPem)));
    this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(16));
    // upgrades (exec, attach, port-forward) take a raw TLS connection each, same identity
    this.upgrades =
        vertx.createNetClient(
            new NetClientOptions()
                .setSsl(true)
                .setTrustAll(true)
                .setHostnameVerificationAlgorithm("")
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setTcpNoDelay(true)
                .setKeyCertOptions(
                    new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(clientCertPem))
                        .addKeyValue(Buffer.buffer(clientKeyPem))));
  }

  /**
   * Sends a GET and hands back the response paused, headers read and body not, so the caller can
   * stream it. A node that cannot be reached is a 500 as kube-apiserver words it.
   */
  public Future<HttpClientResponse> get(KubeletAddress node, String path, Map<String, String> query) {
    var uri = new StringBuilder(path);
    char sep = '?';
    for (var e : query.entrySet()) {
      uri.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(node.host())
            .setPort(node.port())
            .setURI(uri.toString());
    return http.request(options)
        .compose(req -> req.send())
        .map(
            resp -> {
              resp.pause();
              return resp;
            })
        .recover(
            t ->
                Future.failedFuture(
                    ApiException.internal(
                        "error dialing backend: " + t.getMessage())));
  }

  /**
   * Proxies {@code in}'s connection upgrade (exec, attach, port-forward) to the agent's {@code
   * path} with {@code query} (names may repeat, as {@code command} does), as {@link
   * UpgradeProxy#proxy} does. A node that cannot be reached is a 500 as for {@link #get}; an agent
   * that refuses the upgrade fails with {@link UpgradeRefusedException}.
   */
  public Future<Void> upgrade(
      HttpServerRequest in, KubeletAddress node, String path, List<Map.Entry<String, String>> query) {
    var uri = new StringBuilder(path);
    char sep = '?';
    for (var e : query) {
      uri.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    var target = new UpgradeProxy.Target(node.host(), node.port(), uri.toString());
    return UpgradeProxy.proxy(in, upgrades, target)
        .recover(
            t ->
                t instanceof UpgradeRefusedException
                    ? Future.failedFuture(t)
                    : Future.failedFuture(
                        ApiException.internal("error dialing backend: " + t.getMessage())));
  }

  public Future<Void> close() {
    return http.close().eventually(upgrades::close);
  }
}
