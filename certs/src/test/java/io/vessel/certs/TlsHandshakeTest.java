package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real mutual-TLS handshake: a JDK HTTPS server presenting the serving certificate and requiring
 * a client certificate from the cluster CA, and a client built from a kubeconfig, with host-name
 * verification on (the JDK HttpClient's default).
 */
class TlsHandshakeTest {

  @TempDir Path tmp;
  private ClusterPki pki;
  private HttpsServer server;

  @BeforeEach
  void startServer() throws IOException {
    pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), ServingIdentity.of("cp-1"));
    // The wildcard address accepts both 127.0.0.1 and ::1, whichever "localhost" resolves to.
    server = HttpsServer.create(new InetSocketAddress(0), 0);
    var context = TlsContexts.server(pki.serving(), pki.ca().certificatePem());
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            var ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setNeedClientAuth(true);
            params.setSSLParameters(ssl);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          var peer = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().toString();
          var body = peer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  @DisplayName("handshake, admin kubeconfig, server sees CN=kubernetes-admin, O=system:masters")
  void adminHandshake(String host) throws Exception {
    // Given
    var file = tmp.resolve("admin.conf");
    Kubeconfig.forClient(
            "vessel", url(host), pki.ca().certificatePem(), "kubernetes-admin", pki.admin())
        .write(file);
    var config = Kubeconfig.read(file);

    // When
    var response = get(config.server(), config.sslContext());

    // Then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("CN=kubernetes-admin, O=system:masters");
  }

  @Test
  @DisplayName("handshake, node certificate via TlsContexts, server sees the node identity")
  void nodeHandshake() throws Exception {
    // Given
    var node = pki.issueNode("worker-1");
    var ssl =
        TlsContexts.client(pki.ca().certificatePem(), node.certificatePem(), node.privateKeyPem());

    // When
    var response = get(url("localhost"), ssl);

    // Then
    assertThat(response.body()).isEqualTo("CN=system:node:worker-1, O=system:nodes");
  }

  @Test
  @DisplayName("handshake, no client certificate, is refused by the server")
  void refusesAnonymousClient() {
    // Given
    var ssl = TlsContexts.client(pki.ca().certificatePem(), null, null);

    // When / Then
    assertThatThrownBy(() -> get(url("localhost"), ssl)).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("handshake, client trusting another CA, rejects the server")
  void rejectsUntrustedServer() {
    // Given
    var otherCa = CertificateAuthority.create().certificatePem();
    var ssl =
        TlsContexts.client(otherCa, pki.admin().certificatePem(), pki.admin().privateKeyPem());

    // When / Then
    assertThatThrownBy(() -> get(url("localhost"), ssl)).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("handshake, insecure kubeconfig without CA, connects anyway")
  void insecureSkipsVerification() throws Exception {
    // Given
    var a = pki.admin();
    var config =
        new Kubeconfig(
            "vessel",
            url("127.0.0.1"),
            null,
            true,
            "admin",
            a.certificatePem(),
            a.privateKeyPem(),
            Optional.empty());

    // When
    var response = get(config.server(), config.sslContext());

    // Then
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private String url(String host) {
    return "https://" + host + ":" + server.getAddress().getPort() + "/";
  }

  private static HttpResponse<String> get(String url, SSLContext ssl) throws Exception {
    var client =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
