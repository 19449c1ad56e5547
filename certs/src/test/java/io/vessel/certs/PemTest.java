package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

  @TempDir Path tmp;

  private final CertificateAuthority ca = CertificateAuthority.create();

  @Test
  @DisplayName("encode then parse, certificate and keys, round-trip unchanged")
  void roundTrip() {
    // Given
    var issued = ca.issue(Identities.admin());
    var rsa = KeyPairs.rsa2048();

    // When / Then
    assertThat(Pem.parseCertificate(issued.certificatePem())).isEqualTo(issued.certificate());
    assertThat(issued.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Pem.parsePrivateKey(issued.privateKeyPem())).isEqualTo(issued.privateKey());
    assertThat(Pem.parsePublicKey(Pem.encode(rsa.getPublic()))).isEqualTo(rsa.getPublic());
    assertThat(Pem.encode(rsa.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
  }

  @Test
  @DisplayName("parseCertificates, bundle of two, returns both in order")
  void bundle() {
    // Given
    var other = CertificateAuthority.create();
    var bundle = ca.certificatePem() + other.certificatePem();

    // When / Then
    assertThat(Pem.parseCertificates(bundle))
        .containsExactly(ca.certificate(), other.certificate());
  }

  @Test
  @DisplayName("parsePrivateKey, SEC1 EC key as openssl and kubeadm write it, reads it")
  void sec1EcKey() {
    // Given: a throwaway key from `openssl ecparam -name prime256v1 -genkey -noout`
    var sec1 =
        """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIBYgEvF0ZyK8BsqO9yhTo9VwvnNOTphjAYUQSxdhb8EkoAoGCCqGSM49
        AwEHoUQDQgAEXT8h4+TwUgpm4iZxaIcO6c3LMUqIqSDabNJSnFHZSOW2ljrI/1FR
        9otwhqyKU1U57q0EZgcW40kydx+ei542vQ==
        -----END EC PRIVATE KEY-----
        """;
    var publicKey =
        Pem.parsePublicKey(
            """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXT8h4+TwUgpm4iZxaIcO6c3LMUqI
            qSDabNJSnFHZSOW2ljrI/1FR9otwhqyKU1U57q0EZgcW40kydx+ei542vQ==
            -----END PUBLIC KEY-----
            """);

    // When
    var key = Pem.parsePrivateKey(sec1);

    // Then
    assertThat(KeyPairs.matches(publicKey, key)).isTrue();
  }

  @Test
  @DisplayName("parsePrivateKey, PKCS#1 RSA key, reads it")
  void pkcs1RsaKey() throws Exception {
    // Given
    var keys = KeyPairs.rsa2048();
    var text = new StringWriter();
    try (var writer = new JcaPEMWriter(text)) {
      writer.writeObject(keys);
    }
    assertThat(text.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    // When
    var key = Pem.parsePrivateKey(text.toString());

    // Then
    assertThat(KeyPairs.matches(keys.getPublic(), key)).isTrue();
  }

  @Test
  @DisplayName("parse, not PEM or wrong block, fails with a reason")
  void parseErrors() {
    assertThatThrownBy(() -> Pem.parseCertificate("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no PEM CERTIFICATE");
    assertThatThrownBy(() -> Pem.parseCertificate(ca.issue(Identities.admin()).privateKeyPem()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PRIVATE KEY");
    assertThatThrownBy(() -> Pem.parsePrivateKey(ca.certificatePem()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("readCertificate, missing file, fails naming it")
  void missingFile() {
    var file = tmp.resolve("nope.crt");
    assertThatThrownBy(() -> Pem.readCertificate(file))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(file + ": ");
  }

  @Test
  @DisplayName("write, private key over an existing file, replaces it 0600 and leaves no temp file")
  void atomicWrite() throws Exception {
    // Given
    var file = tmp.resolve("x.key");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    var key = KeyPairs.ecP256().getPrivate();

    // When
    Pem.write(file, key);

    // Then
    assertThat(Pem.readPrivateKey(file)).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  @DisplayName("write, directory missing, fails naming the file")
  void writeFailureNamesFile() {
    var file = tmp.resolve("missing-dir/x.crt");
    assertThatThrownBy(() -> Pem.write(file, ca.certificate()))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith(file + ": ");
  }
}
