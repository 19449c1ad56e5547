package io.vessel.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two local servers: a backend that speaks a toy protocol after its 101 (a greeting, then an echo
 * with a prefix), and a proxy in front of it using {@link UpgradeProxy}. The client is a raw socket,
 * so the test sees exactly the bytes kubectl would.
 */
class UpgradeProxyIT {
  private Vertx vertx;
  private HttpServer backend;
  private HttpServer proxy;
  private NetClient client;
  private final CopyOnWriteArrayList<String> backendHeaders = new CopyOnWriteArrayList<>();
  private final AtomicBoolean backendClosed = new AtomicBoolean();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    backend = vertx.createHttpServer().requestHandler(this::backend);
    backend.listen(0, "127.0.0.1").await();
    client = vertx.createNetClient();
    proxy =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (!UpgradeProxy.isUpgrade(req)) {
                    req.response().setStatusCode(400).end("Upgrade request required");
                    return;
                  }
                  var target =
                      new UpgradeProxy.Target("127.0.0.1", backend.actualPort(), req.uri());
                  UpgradeProxy.proxy(req, client, target)
                      .onFailure(
                          t -> {
                            if (t instanceof UpgradeRefusedException refused) {
                              req.response()
                                  .setStatusCode(502)
                                  .end(refused.status() + ": " + refused.body());
                            } else {
                              req.response().setStatusCode(500).end(t.toString());
                            }
                          });
                });
    proxy.listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void backend(HttpServerRequest req) {
    req.headers().forEach(e -> backendHeaders.add(e.getKey() + ": " + e.getValue()));
    if (req.path().equals("/refuse")) {
      req.response().setStatusCode(403).end("requested protocol(s) are not supported");
      return;
    }
    req.response().putHeader("X-Stream-Protocol-Version", "v4.channel.k8s.io");
    req.response().putHeader("Connection", "Upgrade");
    req.response().putHeader("Upgrade", "SPDY/3.1");
    // a POST upgrade, as kubectl's SPDY dialer sends
    UpgradeProxy.serverNetSocket(req)
        .onSuccess(
            (NetSocket s) -> {
              s.write("greeting;");
              s.handler(b -> s.write(Buffer.buffer("echo:").appendBuffer(b)));
              s.closeHandler(v -> backendClosed.set(true));
            });
  }

  @Test
  @DisplayName("upgrade, backend answers 101, headers and bytes pass both ways and close propagates")
  void splices() throws Exception {
    try (var socket = new Socket("127.0.0.1", proxy.actualPort())) {
      socket.setSoTimeout(10_000);
      // Given an upgrade request as kubectl's SPDY dialer sends it
      write(socket, upgradeRequest("/exec/ns/pod/c?command=ls&stdout=1"));
      // When the proxy answers
      String head = readHead(socket.getInputStream());
      // Then the client sees the backend's 101 and negotiated protocol
      assertThat(head).startsWith("HTTP/1.1 101");
      assertThat(head.toLowerCase()).contains("x-stream-protocol-version: v4.channel.k8s.io");
      assertThat(backendHeaders)
          .contains("X-Stream-Protocol-Version: v4.channel.k8s.io",
              "X-Stream-Protocol-Version: v3.channel.k8s.io", "Upgrade: SPDY/3.1")
          .noneMatch(h -> h.startsWith("Authorization"));
      // and bytes flow both ways, including those the backend sent right after its 101
      assertThat(read(socket.getInputStream(), "greeting;".length())).isEqualTo("greeting;");
      write(socket, "ping");
      assertThat(read(socket.getInputStream(), "echo:ping".length())).isEqualTo("echo:ping");
    }
    // and closing the client closes the backend connection
    await().atMost(Duration.ofSeconds(10)).untilTrue(backendClosed);
  }

  @Test
  @DisplayName("upgrade, backend answers 403, proxy gets the status and body to answer with")
  void refusal() throws Exception {
    try (var socket = new Socket("127.0.0.1", proxy.actualPort())) {
      socket.setSoTimeout(10_000);
      write(socket, upgradeRequest("/refuse"));
      String head = readHead(socket.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 502");
      String rest = read(socket.getInputStream(), "403: requested protocol(s) are not supported".length());
      assertThat(rest).isEqualTo("403: requested protocol(s) are not supported");
    }
  }

  private static String upgradeRequest(String uri) {
    return "POST " + uri + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n"
        + "Authorization: Bearer secret\r\n"
        + "Connection: Upgrade\r\n"
        + "Upgrade: SPDY/3.1\r\n"
        + "X-Stream-Protocol-Version: v4.channel.k8s.io\r\n"
        + "X-Stream-Protocol-Version: v3.channel.k8s.io\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private static String readHead(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      out.write(b);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String read(InputStream in, int n) throws IOException {
    return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
  }
}
