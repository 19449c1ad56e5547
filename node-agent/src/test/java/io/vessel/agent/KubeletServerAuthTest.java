package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vessel.certs.CertificateAuthority;
import io.vessel.certs.CertificateSpec;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletServerAuthTest extends KubeletServerTestBase {
  static final String T = "2026-11-22T04:44:15.5Z";

  @Test
  @DisplayName("containerLogs, system:masters client cert, is 200 text/plain with the messages")
  void mastersGetLogs() throws Exception {
    // Given
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F hello", T + " stderr F world");

    // When
    var response = get(ADMIN, "/containerLogs/default/web/main");

    // Then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(response.body()).isEqualTo("hello\nworld\n");
  }

  @Test
  @DisplayName("containerLogs, client cert of another group, is 403 in the kubelet's words")
  void otherGroupsForbidden() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F secret");
    var jane = CLUSTER_CA.issue(CertificateSpec.client("jane", "developers"));

    var response = get(jane, "/containerLogs/default/web/main");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo("Forbidden (user=jane, verb=get, resource=nodes, subresource=proxy)");
  }

  @Test
  @DisplayName("any request, no client certificate, fails the TLS handshake")
  void noClientCertificate() {
    assertThatThrownBy(() -> get(null, "/containerLogs/default/web/main"))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("any request, system:masters cert from another CA, fails the TLS handshake")
  void foreignCa() {
    var foreign =
        CertificateAuthority.create()
            .issue(CertificateSpec.client("kubernetes-admin", "system:masters"));

    assertThatThrownBy(() -> get(foreign, "/containerLogs/default/web/main"))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("other path, admin, is 404 page not found")
  void unknownPath() throws Exception {
    var response = get(ADMIN, "/pods");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("404 page not found");
  }
}
