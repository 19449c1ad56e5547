package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A damaged PKI is a startup error naming the file, and is never repaired by overwriting. */
class ClusterPkiCorruptionTest {

  private static final String GARBAGE =
      "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";

  @TempDir Path tmp;
  private Path dir;
  private final ServingIdentity identity = ServingIdentity.of("node-a.example");

  @BeforeEach
  void createPki() {
    dir = tmp.resolve("pki");
    ClusterPki.loadOrCreate(dir, identity);
    ClusterPki.load(dir).issueNode("worker-1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ca.crt",
        "ca.key",
        "apiserver.crt",
        "apiserver.key",
        "admin.crt",
        "admin.key",
        "sa.key",
        "sa.pub"
      })
  @DisplayName("loadOrCreate, unparseable file, fails naming it and changes nothing")
  void corruptFileIsNamed(String name) throws Exception {
    // Given
    Files.writeString(dir.resolve(name), GARBAGE, StandardCharsets.US_ASCII);
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve(name).toString());
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("loadOrCreate, binary garbage in a certificate, fails naming it")
  void binaryGarbageIsNamed() throws Exception {
    // Given
    Files.write(dir.resolve("apiserver.crt"), new byte[] {0, (byte) 0xff, 0x13, 0x37});
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("apiserver.crt").toString())
        .hasMessageContaining("cannot parse");
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("loadOrCreate, key of another certificate, fails naming key and certificate")
  void keyMismatchIsNamed() throws Exception {
    // Given
    Files.copy(
        dir.resolve("admin.key"),
        dir.resolve("apiserver.key"),
        StandardCopyOption.REPLACE_EXISTING);
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("apiserver.key").toString())
        .hasMessageContaining(dir.resolve("apiserver.crt").toString())
        .hasMessageContaining("does not match");
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("loadOrCreate, service-account keys from two pairs, fails naming sa.key")
  void serviceAccountMismatchIsNamed() {
    // Given
    Pem.write(dir.resolve("sa.pub"), KeyPairs.rsa2048().getPublic());

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("sa.key").toString())
        .hasMessageContaining(dir.resolve("sa.pub").toString());
  }

  @Test
  @DisplayName("loadOrCreate, leaf signed by another CA, fails naming the leaf")
  void foreignLeafIsNamed() {
    // Given
    var other = CertificateAuthority.create("other-ca", CertificateAuthority.DEFAULT_VALIDITY);
    var foreign = other.issue(Identities.admin());
    Pem.write(dir.resolve("admin.crt"), foreign.certificate());
    Pem.write(dir.resolve("admin.key"), foreign.privateKey());
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("admin.crt").toString())
        .hasMessageContaining("not signed by the CA");
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ca.crt",
        "ca.key",
        "apiserver.crt",
        "apiserver.key",
        "admin.crt",
        "admin.key",
        "sa.key",
        "sa.pub"
      })
  @DisplayName("loadOrCreate, one half of a pair deleted, fails naming the missing file")
  void halfPairIsNamed(String name) throws Exception {
    // Given
    Files.delete(dir.resolve(name));
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(dir.resolve(name) + ": ")
        .satisfies(
            e -> assertThat(((PkiException) e).files()).first().isEqualTo(dir.resolve(name)));
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("loadOrCreate, whole CA pair deleted while leaves exist, refuses a new CA")
  void missingCaWithLeavesIsNamed() throws Exception {
    // Given
    Files.delete(dir.resolve("ca.crt"));
    Files.delete(dir.resolve("ca.key"));
    var before = DirectorySnapshot.of(dir);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(dir.resolve("ca.crt") + ": ")
        .hasMessageContaining("CA is missing");
    assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
  }

  @Test
  @DisplayName("issueNode, node key missing, fails naming it")
  void nodeHalfPairIsNamed() throws Exception {
    // Given
    var key = dir.resolve("nodes/worker-1.key");
    Files.delete(key);

    // When / Then
    assertThatThrownBy(() -> ClusterPki.load(dir).issueNode("worker-1"))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(key + ": ");
    assertThat(Files.exists(key)).isFalse();
  }

  @Test
  @DisplayName("loadOrCreate, CA certificate that is not a CA, fails naming ca.crt")
  void nonCaCertificateIsNamed() {
    // Given
    var pki = ClusterPki.load(dir);
    Pem.write(dir.resolve("ca.crt"), pki.admin().certificate());
    Pem.write(dir.resolve("ca.key"), pki.admin().privateKey());

    // When / Then
    assertThatThrownBy(() -> ClusterPki.loadOrCreate(dir, identity))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("ca.crt").toString())
        .hasMessageContaining("not a CA");
  }
}
