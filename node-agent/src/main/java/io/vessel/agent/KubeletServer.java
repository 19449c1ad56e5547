package io.vessel.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vessel.agent.ContainerLogLocator.PodLookup;
import io.vessel.cri.CriClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet API the API server proxies to ({@code kubectl logs}): HTTPS on {@code
 * 0.0.0.0:<kubeletPort>} with a {@link KubeletServingCertificate}, client certificates required
 * and checked against the cluster CA, requests authorized by {@link KubeletAuthorizer}. Serves
 * {@code GET /containerLogs/{namespace}/{pod}/{container}}, and (GET or POST connection upgrades)
 * {@code /exec/{namespace}/{pod}/{container}}, {@code /attach/…} and {@code
 * /portForward/{namespace}/{pod}}; any other path is a 404.
 *
 * <p>Answers that are not logs are {@code text/plain} messages in the kubelet's words; this class
 * is the only place that writes them.
 */
final class KubeletServer {
  static final int LOG_WORKERS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(KubeletServer.class);

  private final HttpServer http;
  private final WorkerExecutor worker;
  private final KubeletServingCertificate serving;
  private final ContainerLogsHandler logs;
  private final ContainerStreamsHandler streams;
  private final NetClient runtimeStreams;

  private KubeletServer(
      HttpServer http, WorkerExecutor worker, KubeletServingCertificate serving,
      ContainerLogsHandler logs, ContainerStreamsHandler streams, NetClient runtimeStreams) {
    this.http = http;
    this.worker = worker;
    this.serving = serving;
    this.logs = logs;
    this.streams = streams;
    this.runtimeStreams = runtimeStreams;
  }

  /**
   * Generates the serving certificate and listens; the future completes once the port is bound.
   *
   * @param hostname the machine's host name, a serving name besides the node name
   * @param internalIp the node's InternalIP, a serving name
   * @param pods the pods this node runs (their specs and statuses)
   * @param containers whether a container attempt still writes its log
   * @param cri the runtime that serves exec, attach and port-forward streams; {@code null} for a
   *     server without them (they answer 404)
   */
  static Future<KubeletServer> start(
      Vertx vertx, AgentConfig config, String hostname, String internalIp, PodLookup pods,
      ContainerStates containers, CriClient cri) {
    var serving =
        KubeletServingCertificate.generate(
            config.nodeName(), List.of(hostname, internalIp), Clock.systemUTC().instant());
    // a worker pool of our own: followed logs must not queue behind other blocking work
    var worker = vertx.createSharedWorkerExecutor("vessel-kubelet-logs", LOG_WORKERS);
    var logs =
        new ContainerLogsHandler(
            vertx, worker, new ContainerLogLocator(config, pods), containers, Clock.systemUTC());
    // the runtime's streaming server: plain HTTP on this machine (127.0.0.1, CRI-NOTES)
    var runtimeStreams =
        vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000).setTcpNoDelay(true));
    var streams =
        cri == null ? null : new ContainerStreamsHandler(worker, cri, pods, runtimeStreams);
    var http = vertx.createHttpServer(options(config, serving));
    var server = new KubeletServer(http, worker, serving, logs, streams, runtimeStreams);
    http.requestHandler(server::handle);
    return http.listen()
        .map(
            s -> {
              LOG.info("kubelet API on https://0.0.0.0:{} (serving {})", s.actualPort(),
                  serving.sans());
              return server;
            })
        .onFailure(t -> worker.close());
  }

  /** The bound port: the configured one, or the ephemeral one chosen for port 0. */
  int port() {
    return http.actualPort();
  }

  /** The CA of the serving certificate, for clients that verify it. */
  String servingCaPem() {
    return serving.caPem();
  }

  /** Stops listening and closes open connections, which ends followed logs. */
  Future<Void> close() {
    return http.close().eventually(runtimeStreams::close).eventually(worker::close);
  }

  private static HttpServerOptions options(AgentConfig config, KubeletServingCertificate serving) {
    return new HttpServerOptions()
        .setHost("0.0.0.0")
        .setPort(config.kubeletPort())
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(serving.serving().certificatePem()))
                .addKeyValue(Buffer.buffer(serving.serving().privateKeyPem())))
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(config.clusterCaPem())))
        .setClientAuth(ClientAuth.REQUIRED)
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
        .setTcpNoDelay(true);
  }

  private void handle(HttpServerRequest req) {
    var client = clientCertificate(req);
    if (client == null) {
      // the handshake requires one; a request without it is a bug worth a clear answer
      respond(req, 401, "Unauthorized");
      return;
    }
    var denied = KubeletAuthorizer.deny(client, req.method());
    if (denied.isPresent()) {
      respond(req, 403, denied.get());
      return;
    }
    String[] parts = req.path().split("/", -1);
    if (streams != null && isStream(parts)) {
      if (req.method() != HttpMethod.GET && req.method() != HttpMethod.POST) {
        respond(req, 405, "405: Method Not Allowed");
        return;
      }
      String container = parts.length == 5 ? parts[4] : "";
      streams.handle(req, parts[1], parts[2], parts[3], container).onFailure(t -> fail(req, t));
      return;
    }
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("containerLogs")
        || parts[2].isEmpty() || parts[3].isEmpty() || parts[4].isEmpty()) {
      respond(req, 404, "404 page not found");
      return;
    }
    if (req.method() != HttpMethod.GET) {
      respond(req, 405, "405: Method Not Allowed");
      return;
    }
    logs.handle(req, parts[2], parts[3], parts[4]).onFailure(t -> fail(req, t));
  }

  /** {@code /exec|attach/{ns}/{pod}/{container}} or {@code /portForward/{ns}/{pod}}. */
  private static boolean isStream(String[] parts) {
    if (parts.length < 4 || !parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
      return false;
    }
    return switch (parts[1]) {
      case "exec", "attach" -> parts.length == 5 && !parts[4].isEmpty();
      case "portForward" -> parts.length == 4;
      default -> false;
    };
  }

  private static void fail(HttpServerRequest req, Throwable t) {
    if (t instanceof KubeletException e) {
      respond(req, e.status(), e.getMessage());
      return;
    }
    LOG.warn("{} {}: {}", req.method(), req.path(), t.toString());
    respond(req, 500, "Internal Server Error: " + t.getMessage());
  }

  private static void respond(HttpServerRequest req, int status, String message) {
    var response = req.response();
    if (response.closed() || response.headWritten()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", "text/plain").end(message);
  }

  private static X509Certificate clientCertificate(HttpServerRequest req) {
    try {
      var chain = req.connection().peerCertificates();
      return chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate c
          ? c
          : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }
}
