package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

  @TempDir Path tmp;
  private ClusterPki pki;

  @BeforeEach
  void createPki() {
    pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), ServingIdentity.of("cp-1"));
  }

  @Test
  @DisplayName("write then read, embedded client certificate, round-trips and is 0600")
  void roundTripEmbedded() throws Exception {
    // Given
    var config =
        Kubeconfig.forClient(
            "vessel",
            "https://127.0.0.1:6443",
            pki.ca().certificatePem(),
            "kubernetes-admin",
            pki.admin());
    var file = tmp.resolve("kube/admin.conf");

    // When
    config.write(file);
    var read = Kubeconfig.read(file);

    // Then
    assertThat(read).isEqualTo(config);
    assertThat(read.server()).isEqualTo("https://127.0.0.1:6443");
    assertThat(read.caPem()).isEqualTo(pki.ca().certificatePem());
    assertThat(read.clientCertPem()).isEqualTo(pki.admin().certificatePem());
    assertThat(read.clientKeyPem()).isEqualTo(pki.admin().privateKeyPem());
    assertThat(read.token()).isEmpty();
    assertThat(read.insecureSkipTlsVerify()).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains("current-context: kubernetes-admin@vessel", "client-key-data: ");
  }

  @Test
  @DisplayName("read, file paths relative to the kubeconfig, loads the referenced PEM files")
  void readsFilePaths() throws Exception {
    // Given
    var file = tmp.resolve("config");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c1
          cluster:
            server: https://localhost:6443
            certificate-authority: pki/ca.crt
        users:
        - name: u1
          user:
            client-certificate: pki/admin.crt
            client-key: %s
        contexts:
        - name: other
          context: {cluster: c1, user: nobody}
        - name: ctx
          context: {cluster: c1, user: u1}
        current-context: ctx
        """
            .formatted(tmp.resolve("pki/admin.key")));

    // When
    var read = Kubeconfig.read(file);

    // Then
    assertThat(read.clusterName()).isEqualTo("c1");
    assertThat(read.userName()).isEqualTo("u1");
    assertThat(read.server()).isEqualTo("https://localhost:6443");
    assertThat(read.caPem()).isEqualTo(pki.ca().certificatePem());
    assertThat(read.clientCertPem()).isEqualTo(pki.admin().certificatePem());
    assertThat(Pem.parsePrivateKey(read.clientKeyPem())).isEqualTo(pki.admin().privateKey());
  }

  @Test
  @DisplayName("read, token and insecure-skip-tls-verify, exposes both")
  void readsTokenAndInsecure() throws Exception {
    // Given
    var file = tmp.resolve("config");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c1
          cluster: {server: "https://10.0.0.1:6443", insecure-skip-tls-verify: true}
        users:
        - name: sa
          user: {token: abc.def.ghi}
        contexts:
        - name: ctx
          context: {cluster: c1, user: sa}
        current-context: ctx
        """);

    // When
    var read = Kubeconfig.read(file);

    // Then
    assertThat(read.insecureSkipTlsVerify()).isTrue();
    assertThat(read.token()).contains("abc.def.ghi");
    assertThat(read.caPem()).isNull();
    assertThat(read.clientCertPem()).isNull();
    assertThat(read.sslContext()).isNotNull();
  }

  @Test
  @DisplayName("read, tokenFile relative to the kubeconfig, reads the trimmed token")
  void readsTokenFile() throws Exception {
    // Given
    Files.writeString(tmp.resolve("token"), "s3cret\n");
    var file = tmp.resolve("config");
    Files.writeString(
        file,
        """
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {tokenFile: token}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);

    // When
    var read = Kubeconfig.read(file);

    // Then
    assertThat(read.token()).contains("s3cret");
  }

  @Test
  @DisplayName("write then read, token config, round-trips")
  void roundTripToken() {
    // Given
    var config =
        Kubeconfig.forToken("vessel", "https://h:6443", pki.ca().certificatePem(), "sa", "t0k");
    var file = tmp.resolve("sa.conf");

    // When
    config.write(file);

    // Then
    assertThat(Kubeconfig.read(file)).isEqualTo(config);
    assertThat(Kubeconfig.read(file).token()).isEqualTo(Optional.of("t0k"));
  }

  @Test
  @DisplayName("toString, credentials present, prints neither key nor token")
  void toStringRedacts() {
    // Given
    var withCert =
        Kubeconfig.forClient("vessel", "https://h", null, "kubernetes-admin", pki.admin());
    var withToken = Kubeconfig.forToken("vessel", "https://h", null, "sa", "t0k-secret");

    // When / Then
    assertThat(withCert.toString()).doesNotContain("PRIVATE", withCert.clientKeyPem());
    assertThat(withToken.toString()).doesNotContain("t0k-secret");
    assertThat(pki.admin().toString()).contains("kubernetes-admin").contains("<redacted>");
  }

  @Test
  @DisplayName("read, exec credential plugin, fails naming the kubeconfig")
  void refusesExec() throws Exception {
    // Given
    var file = tmp.resolve("config");
    Files.writeString(
        file,
        """
        clusters: [{name: c, cluster: {server: "https://h"}}]
        users: [{name: u, user: {exec: {command: gke-gcloud-auth-plugin}}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);

    // When / Then
    assertThatThrownBy(() -> Kubeconfig.read(file))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("exec");
  }

  @Test
  @DisplayName("read, referenced certificate missing, fails naming that file")
  void missingReferencedFile() throws Exception {
    // Given
    var file = tmp.resolve("config");
    Files.writeString(
        file,
        """
        clusters: [{name: c, cluster: {server: "https://h", certificate-authority: gone.crt}}]
        users: [{name: u, user: {}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);

    // When / Then
    assertThatThrownBy(() -> Kubeconfig.read(file))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(tmp.resolve("gone.crt") + ": ");
  }

  @Test
  @DisplayName("read, not YAML, fails naming the kubeconfig")
  void notYaml() throws Exception {
    // Given
    var file = tmp.resolve("config");
    Files.writeString(file, "clusters: [unclosed\n  : :");

    // When / Then
    assertThatThrownBy(() -> Kubeconfig.read(file))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(file + ": ");
  }
}
