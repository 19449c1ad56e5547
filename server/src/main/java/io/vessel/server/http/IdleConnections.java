package io.vessel.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes connections that carry no request for too long, as kube-apiserver's {@code http.Server}
 * does with {@code ReadHeaderTimeout: 32s} (a connection that never completes a request head) and
 * {@code IdleTimeout: 90s} (a kept-alive connection between requests). Without this a client could
 * hold any number of connections open forever by sending nothing, or half a request head.
 *
 * <p>A connection with a request in flight (a long watch included) or switched to a stream by an
 * upgrade is never closed here. Closing is
 * checked every {@link #SWEEP_MS}, so it happens up to that much later than the limit.
 * Connections that never finish the TLS handshake are closed earlier by the server's SSL handshake
 * timeout.
 *
 * <p>Threading: one instance per HTTPS listener (verticle); everything runs on its event loop.
 */
public final class IdleConnections {
  static final long FIRST_REQUEST_MS = 32_000;
  static final long BETWEEN_REQUESTS_MS = 90_000;
  static final long SWEEP_MS = 5_000;

  /** One connection: its requests not yet ended, and when it last had one. */
  private static final class Tracked {
    final List<HttpServerRequest> inFlight = new ArrayList<>(1);
    boolean servedAny;
    long lastBusy;
  }

  private final Map<HttpConnection, Tracked> connections = new HashMap<>();
  private long timer = -1;

  /** Starts the periodic check on the calling verticle's context. */
  public void start(Vertx vertx) {
    timer = vertx.setPeriodic(SWEEP_MS, id -> sweep(System.currentTimeMillis()));
  }

  public void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** A new connection (after its TLS handshake): the first-request clock starts. */
  public void connected(HttpConnection connection) {
    var tracked = new Tracked();
    tracked.lastBusy = System.currentTimeMillis();
    connections.put(connection, tracked);
    connection.closeHandler(v -> connections.remove(connection));
  }

  /** A request head arrived on its connection. */
  public void requestStarted(HttpServerRequest request) {
    var tracked = connections.get(request.connection());
    if (tracked != null) {
      tracked.inFlight.add(request);
      tracked.servedAny = true;
      tracked.lastBusy = System.currentTimeMillis();
    }
  }

  /** Closes the connections idle past their limit; visible for tests. */
  void sweep(long now) {
    List<HttpConnection> idle = new ArrayList<>();
    for (var entry : connections.entrySet()) {
      var tracked = entry.getValue();
      // A switched upgrade (exec, attach, port-forward: status 101) counts as ended to Vert.x, but
      // its connection now carries the stream: busy until it closes, which untracks it.
      tracked.inFlight.removeIf(
          r -> r.response().getStatusCode() != 101
              && (r.response().ended() || r.response().closed()));
      if (!tracked.inFlight.isEmpty()) {
        tracked.lastBusy = now;
        continue;
      }
      long limit = tracked.servedAny ? BETWEEN_REQUESTS_MS : FIRST_REQUEST_MS;
      if (now - tracked.lastBusy >= limit) {
        idle.add(entry.getKey());
      }
    }
    for (var connection : idle) {
      connections.remove(connection);
      connection.close();
    }
  }

  /** How many connections are tracked now. */
  int size() {
    return connections.size();
  }
}
