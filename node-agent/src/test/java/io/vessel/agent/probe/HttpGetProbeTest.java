package io.vessel.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpGetProbeTest {
  private HttpServer server;
  private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();
  private final HttpGetProbe probe = new HttpGetProbe();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestHeaders().forEach((k, v) -> seenHeaders.put(k.toLowerCase(), v.get(0)));
      int status = switch (exchange.getRequestURI().getPath()) {
        case "/ok" -> 200;
        case "/moved" -> 302;
        case "/slow" -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          yield 200;
        }
        default -> 500;
      };
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/elsewhere");
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private ProbeResult get(String path, List<HTTPHeader> headers, Duration timeout) {
    return probe.run("HTTP", "127.0.0.1", server.getAddress().getPort(), path, headers, timeout);
  }

  @Test
  @DisplayName("200 and 3xx succeed, with the kubelet's User-Agent and Accept and the pod's headers")
  void successes() {
    assertThat(get("/ok", List.of(new HTTPHeader("X-Custom", "yes")), Duration.ofSeconds(5))
        .succeeded()).isTrue();
    assertThat(seenHeaders)
        .containsEntry("user-agent", HttpGetProbe.USER_AGENT)
        .containsEntry("accept", "*/*")
        .containsEntry("x-custom", "yes");
    assertThat(get("/moved", List.of(), Duration.ofSeconds(5)).succeeded()).isTrue();
  }

  @Test
  @DisplayName("500 fails with the status code in the message")
  void serverError() {
    var result = get("/broken", null, Duration.ofSeconds(5));

    assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.FAILURE);
    assertThat(result.message()).isEqualTo("HTTP probe failed with statuscode: 500");
  }

  @Test
  @DisplayName("a response slower than the timeout fails")
  void timeout() {
    var result = get("/slow", null, Duration.ofSeconds(1));

    assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.FAILURE);
    assertThat(result.message()).contains("context deadline exceeded");
  }

  @Test
  @DisplayName("a refused connection fails; the tcpSocket probe agrees, and succeeds on an open port")
  void refused() throws IOException {
    int closed;
    try (var s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }

    assertThat(probe.run(null, "127.0.0.1", closed, "", null, Duration.ofSeconds(2)).outcome())
        .isEqualTo(ProbeResult.Outcome.FAILURE);
    assertThat(TcpSocketProbe.run("127.0.0.1", closed, Duration.ofSeconds(2)).outcome())
        .isEqualTo(ProbeResult.Outcome.FAILURE);
    assertThat(TcpSocketProbe.run("127.0.0.1", server.getAddress().getPort(),
        Duration.ofSeconds(2)).succeeded()).isTrue();
  }

  @Test
  @DisplayName("the URL: scheme lower-cased, path defaulted to /, IPv6 hosts bracketed")
  void url() {
    assertThat(HttpGetProbe.url("HTTPS", "10.88.0.2", 8443, null))
        .isEqualTo("https://10.88.0.2:8443/");
    assertThat(HttpGetProbe.url(null, "fd00::1", 80, "healthz")).isEqualTo("http://[fd00::1]:80/healthz");
  }
}
