package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The idle sweep against real connections, its clock driven by the test. */
class IdleConnectionsIT {
  private Vertx vertx;
  private HttpServer server;
  private final IdleConnections idle = new IdleConnections();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .connectionHandler(idle::connected)
            .requestHandler(
                req -> {
                  idle.requestStarted(req);
                  if (req.path().equals("/upgrade")) {
                    req.response()
                        .setStatusCode(101)
                        .putHeader("Connection", "Upgrade")
                        .putHeader("Upgrade", "SPDY/3.1");
                    req.toNetSocket().onSuccess(s -> s.handler(s::write));
                  } else {
                    req.response().end("ok");
                  }
                });
    server.listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("sweep, a connection switched by an upgrade, kept past the idle limit; a plain one closed")
  void upgradedConnectionsStay() throws Exception {
    try (var upgraded = new Socket("127.0.0.1", server.actualPort());
        var plain = new Socket("127.0.0.1", server.actualPort())) {
      upgraded.setSoTimeout(5_000);
      plain.setSoTimeout(5_000);
      send(upgraded, "GET /upgrade HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n");
      assertThat(readHead(upgraded)).startsWith("HTTP/1.1 101");
      send(plain, "GET /plain HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(readHead(plain)).startsWith("HTTP/1.1 200");

      // When the sweep runs long after both went quiet
      long later = System.currentTimeMillis() + IdleConnections.BETWEEN_REQUESTS_MS + 1_000;
      var swept = new CompletableFuture<Void>();
      vertx.runOnContext(
          v -> {
            idle.sweep(later);
            swept.complete(null);
          });
      swept.get(5, TimeUnit.SECONDS);

      // Then the stream still echoes, and the plain connection is closed
      send(upgraded, "ping");
      assertThat(new String(upgraded.getInputStream().readNBytes(4), StandardCharsets.US_ASCII))
          .isEqualTo("ping");
      plain.getInputStream().readNBytes(2); // the "ok" body
      assertThat(plain.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static void send(Socket socket, String text) throws Exception {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static String readHead(Socket socket) throws Exception {
    var head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
