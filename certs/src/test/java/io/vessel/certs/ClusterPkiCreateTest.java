package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterPkiCreateTest {

  @TempDir Path tmp;

  private final ServingIdentity identity = ServingIdentity.of("node-a.example");

  @Test
  @DisplayName("loadOrCreate, empty directory, creates every kubeadm-named file")
  void createsLayout() {
    // Given
    var dir = tmp.resolve("pki");

    // When
    var pki = ClusterPki.loadOrCreate(dir, identity);

    // Then
    assertThat(DirectorySnapshot.of(dir).files().keySet())
        .containsExactlyInAnyOrder(
            "ca.crt",
            "ca.key",
            "apiserver.crt",
            "apiserver.key",
            "admin.crt",
            "admin.key",
            "sa.key",
            "sa.pub");
    assertThat(pki.changes()).hasSize(4);
    assertThat(pki.ca().certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=vessel-ca");
    assertThat(pki.serving().commonName()).isEqualTo("kube-apiserver");
    assertThat(pki.admin().commonName()).isEqualTo("kubernetes-admin");
    assertThat(pki.admin().organizations()).containsExactly("system:masters");
    assertThat(pki.serviceAccountKeys().getPublic()).isInstanceOf(RSAPublicKey.class);
    assertThat(((RSAPublicKey) pki.serviceAccountKeys().getPublic()).getModulus().bitLength())
        .isEqualTo(2048);
  }

  @Test
  @DisplayName("loadOrCreate, new directory, keys 0600 certs 0644 directory 0700")
  void setsPermissions() throws Exception {
    // Given
    var dir = tmp.resolve("pki");

    // When
    ClusterPki.loadOrCreate(dir, identity);

    // Then
    for (var key : List.of("ca.key", "apiserver.key", "admin.key", "sa.key")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
          .as(key)
          .isEqualTo("rw-------");
    }
    for (var pub : List.of("ca.crt", "apiserver.crt", "admin.crt", "sa.pub")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(pub))))
          .as(pub)
          .isEqualTo("rw-r--r--");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }

  @Test
  @DisplayName("loadOrCreate, complete directory, returns the same material and writes nothing")
  void reloadsWithoutReissue() {
    // Given
    var dir = tmp.resolve("pki");
    var first = ClusterPki.loadOrCreate(dir, identity);
    var before = DirectorySnapshot.of(dir);

    // When
    var second = ClusterPki.loadOrCreate(dir, identity);

    // Then
    assertThat(second.ca().certificate()).isEqualTo(first.ca().certificate());
    assertThat(second.serving()).isEqualTo(first.serving());
    assertThat(second.admin()).isEqualTo(first.admin());
    assertThat(second.serviceAccountKeys().getPublic())
        .isEqualTo(first.serviceAccountKeys().getPublic());
    assertThat(second.changes()).isEmpty();
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("load, complete directory, returns what loadOrCreate created")
  void loadReadsExisting() {
    // Given
    var dir = tmp.resolve("pki");
    var created = ClusterPki.loadOrCreate(dir, identity);

    // When
    var loaded = ClusterPki.load(dir);

    // Then
    assertThat(loaded.serving()).isEqualTo(created.serving());
    assertThat(loaded.admin()).isEqualTo(created.admin());
  }

  @Test
  @DisplayName("load, empty directory, fails naming ca.crt and creates nothing")
  void loadRequiresCa() throws Exception {
    // Given
    Files.createDirectories(tmp.resolve("pki"));

    // When / Then
    assertThatThrownBy(() -> ClusterPki.load(tmp.resolve("pki")))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(tmp.resolve("pki/ca.crt").toString());
    assertThat(DirectorySnapshot.of(tmp.resolve("pki")).files()).isEmpty();
  }

  @Test
  @DisplayName("loadOrCreate, any time, leaves chain to the CA under PKIX validation")
  void leavesValidateAgainstCa() throws Exception {
    // Given
    var pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), identity);
    var params = new PKIXParameters(Set.of(new TrustAnchor(pki.ca().certificate(), null)));
    params.setRevocationEnabled(false);
    var factory = CertificateFactory.getInstance("X.509");

    // When / Then (validate throws if the chain is invalid)
    for (var leaf : List.of(pki.serving(), pki.admin(), pki.issueNode("n1"))) {
      var path = factory.generateCertPath(List.of(leaf.certificate()));
      CertPathValidator.getInstance("PKIX").validate(path, params);
    }
  }

  @Test
  @DisplayName("issueNode, new name, writes a system:nodes client certificate and reuses it")
  void issuesNodeCertificate() throws Exception {
    // Given
    var pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), identity);

    // When
    var node = pki.issueNode("worker-1");
    var again = ClusterPki.load(tmp.resolve("pki")).issueNode("worker-1");

    // Then
    assertThat(node.commonName()).isEqualTo("system:node:worker-1");
    assertThat(node.organizations()).containsExactly("system:nodes");
    assertThat(node.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(again).isEqualTo(node);
    var key = tmp.resolve("pki/nodes/worker-1.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.exists(tmp.resolve("pki/nodes/worker-1.crt"))).isTrue();
  }

  @Test
  @DisplayName("issueNode, name with a path separator, is rejected")
  void rejectsBadNodeName() {
    // Given
    var pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), identity);

    // When / Then
    assertThatThrownBy(() -> pki.issueNode("../ca"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../ca");
  }
}
