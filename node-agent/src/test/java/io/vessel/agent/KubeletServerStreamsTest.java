package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.certs.TlsContexts;
import io.vessel.cri.CriClient;
import io.vessel.cri.fake.FakeRuntime;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The streaming endpoints' refusals, before any runtime stream exists, in the kubelet's words. */
class KubeletServerStreamsTest extends KubeletServerTestBase {
  private FakeRuntime fake;
  private CriClient cri;

  @Override
  CriClient runtime() {
    fake = FakeRuntime.start();
    cri = CriClient.builder().endpoint(fake.endpoint()).callTimeout(Duration.ofSeconds(10)).connect();
    return cri;
  }

  @AfterEach
  void stopRuntime() {
    cri.close();
    fake.close();
  }

  @Test
  @DisplayName("exec, pod not on this node, 404 pod does not exist")
  void unknownPod() throws Exception {
    var response = get(ADMIN, "/exec/default/nope/main?command=ls&output=1");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("pod does not exist");
  }

  @Test
  @DisplayName("exec, a plain request without an upgrade, 400 Upgrade request required")
  void notAnUpgrade() throws Exception {
    pod("web", "main");
    var response = get(ADMIN, "/exec/default/web/main?command=ls&output=1");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Upgrade request required");
  }

  @Test
  @DisplayName("exec upgrade, no stream asked for, 400; no running container, 500 container not found")
  void refusals() throws Exception {
    pod("web", "main");
    assertThat(upgrade("POST", "/exec/default/web/main?command=ls"))
        .startsWith("HTTP/1.1 400")
        .endsWith("you must specify at least one of stdin, stdout, stderr");
    assertThat(upgrade("POST", "/exec/default/web/main?command=ls&output=1"))
        .startsWith("HTTP/1.1 500")
        .endsWith("container not found (\"main\")");
  }

  @Test
  @DisplayName("port-forward upgrade, no ready sandbox, 500")
  void portForwardWithoutSandbox() throws Exception {
    pod("web", "main");
    assertThat(upgrade("GET", "/portForward/default/web")).startsWith("HTTP/1.1 500");
  }

  /** An upgrade as kubectl's SPDY dialer sends it, over TLS with the admin certificate. */
  private String upgrade(String method, String pathAndQuery) throws Exception {
    var tls = TlsContexts.client(server.servingCaPem(), ADMIN.certificatePem(), ADMIN.privateKeyPem());
    try (Socket socket = tls.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String request =
          method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
              + "X-Stream-Protocol-Version: v4.channel.k8s.io\r\nContent-Length: 0\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var in = socket.getInputStream();
      var out = new ByteArrayOutputStream();
      String text = "";
      int length = -1;
      while (true) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        out.write(b);
        text = out.toString(StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0 && length < 0) {
          var m = Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
          length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        if (end >= 0 && text.length() - end - 4 >= length) {
          break;
        }
      }
      return text;
    }
  }
}
