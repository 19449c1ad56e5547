package io.vessel.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.certs.Kubeconfig;
import io.vessel.certs.Pem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("init, host and SANs, creates the PKI and reports what it wrote")
  void init() {
    // When
    int status = run("init", "--dir", dir(), "--host", "cp-1", "--san", "10.1.2.3", "--san=lb");

    // Then
    assertThat(status).isZero();
    assertThat(stdout()).contains("apiserver.crt", "PKI ready");
    var serving = Pem.readCertificate(tmp.resolve("pki/apiserver.crt"));
    assertThat(serving.getSubjectX500Principal().getName()).isEqualTo("CN=kube-apiserver");
  }

  @Test
  @DisplayName("issue-node, existing PKI, prints the certificate and key paths")
  void issueNode() {
    // Given
    run("init", "--dir", dir(), "--host", "cp-1");
    out.reset();

    // When
    int status = run("issue-node", "--dir", dir(), "--name", "worker-1");

    // Then
    assertThat(status).isZero();
    assertThat(stdout().lines())
        .containsExactly(
            tmp.resolve("pki/nodes/worker-1.crt").toAbsolutePath().toString(),
            tmp.resolve("pki/nodes/worker-1.key").toAbsolutePath().toString());
  }

  @Test
  @DisplayName("kubeconfig, admin and node users, writes readable kubeconfigs")
  void kubeconfig() {
    // Given
    run("init", "--dir", dir(), "--host", "cp-1");
    var admin = tmp.resolve("admin.conf");
    var node = tmp.resolve("node.conf");

    // When
    int adminStatus =
        run(
            "kubeconfig",
            "--dir",
            dir(),
            "--server",
            "https://127.0.0.1:6443",
            "--user",
            "admin",
            "--out",
            admin.toString());
    int nodeStatus =
        run(
            "kubeconfig",
            "--dir",
            dir(),
            "--server",
            "https://127.0.0.1:6443",
            "--user",
            "node:worker-2",
            "--out",
            node.toString());

    // Then
    assertThat(adminStatus).isZero();
    assertThat(nodeStatus).isZero();
    var adminConfig = Kubeconfig.read(admin);
    assertThat(adminConfig.userName()).isEqualTo("kubernetes-admin");
    assertThat(
            Pem.parseCertificate(adminConfig.clientCertPem()).getSubjectX500Principal().getName())
        .isEqualTo("CN=kubernetes-admin,O=system:masters");
    assertThat(Kubeconfig.read(node).userName()).isEqualTo("system:node:worker-2");
    assertThat(Files.exists(tmp.resolve("pki/nodes/worker-2.crt"))).isTrue();
  }

  @Test
  @DisplayName("kubeconfig, directory without a PKI, exits 1 naming ca.crt")
  void kubeconfigWithoutPki() {
    // When
    int status =
        run(
            "kubeconfig",
            "--dir",
            dir(),
            "--server",
            "https://h",
            "--user",
            "admin",
            "--out",
            tmp.resolve("x.conf").toString());

    // Then
    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains(tmp.resolve("pki/ca.crt").toString());
  }

  @Test
  @DisplayName("run, unknown option or command, exits 2 with usage")
  void usageErrors() {
    assertThat(run("init", "--dir", dir(), "--bogus", "x")).isEqualTo(2);
    assertThat(stderr()).contains("unknown option --bogus", "usage:");
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(run("init")).isEqualTo(2);
  }

  private String dir() {
    return tmp.resolve("pki").toString();
  }

  private int run(String... args) {
    return CertsCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
