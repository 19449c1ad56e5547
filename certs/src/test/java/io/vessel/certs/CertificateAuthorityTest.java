package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

  // X509Certificate#getKeyUsage indexes (RFC 5280 KeyUsage bits)
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  private final CertificateAuthority ca = CertificateAuthority.create();

  @Test
  @DisplayName("create, defaults, makes a ten-year EC P-256 CA with critical CA:true")
  void caCertificate() throws Exception {
    // When
    var cert = ca.certificate();

    // Then
    assertThat(cert.getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getOrder().bitLength())
        .isEqualTo(256);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(cert.getBasicConstraints()).isNotNegative();
    assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
    assertThat(cert.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
    assertThat(cert.getKeyUsage()[CRL_SIGN]).isTrue();
    assertThat(cert.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3649)));
    var holder = new JcaX509CertificateHolder(cert);
    var ski = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
    var aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());
    assertThat(aki.getKeyIdentifier()).isEqualTo(ski.getKeyIdentifier());
  }

  @Test
  @DisplayName("issue, client spec, makes a one-year leaf with clock-skew margin and CA:false")
  void leafCertificate() throws Exception {
    // When
    var leaf = ca.issue(CertificateSpec.client("alice", "devs")).certificate();

    // Then
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    assertThat(leaf.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
    assertThat(leaf.getKeyUsage()[KEY_ENCIPHERMENT]).isFalse(); // EC key
    assertThat(leaf.getKeyUsage()[KEY_CERT_SIGN]).isFalse();
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(leaf.getNotBefore().toInstant())
        .isBefore(Instant.now().minus(Duration.ofMinutes(4)));
    assertThat(leaf.getNotAfter().toInstant())
        .isBetween(
            Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=devs");
    var leafAki =
        AuthorityKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(leaf).getExtensions());
    var caSki =
        SubjectKeyIdentifier.fromExtensions(
            new JcaX509CertificateHolder(ca.certificate()).getExtensions());
    assertThat(leafAki.getKeyIdentifier()).isEqualTo(caSki.getKeyIdentifier());
    assertThat(
            SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(leaf).getExtensions()))
        .isNotNull();
  }

  @Test
  @DisplayName("issue, many leaves, gives random positive serials of at most 127 bits")
  void serialNumbers() {
    // When
    var a = ca.issue(Identities.admin()).certificate().getSerialNumber();
    var b = ca.issue(Identities.admin()).certificate().getSerialNumber();

    // Then
    assertThat(a).isNotEqualTo(b);
    for (var serial : new BigInteger[] {a, b}) {
      assertThat(serial.signum()).isPositive();
      assertThat(serial.bitLength()).isLessThanOrEqualTo(127);
    }
  }

  @Test
  @DisplayName("issue, validity beyond the CA's, is cut at the CA's notAfter")
  void leafNeverOutlivesCa() {
    // Given
    var shortCa = CertificateAuthority.create("short-ca", Duration.ofDays(100));

    // When
    var leaf = shortCa.issue(Identities.admin()).certificate();

    // Then
    assertThat(leaf.getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
  }

  @Test
  @DisplayName("hasSigned, leaf of another CA, is false")
  void hasSigned() {
    // Given
    var other = CertificateAuthority.create();

    // When / Then
    assertThat(ca.hasSigned(ca.issue(Identities.admin()).certificate())).isTrue();
    assertThat(ca.hasSigned(other.issue(Identities.admin()).certificate())).isFalse();
  }

  @Test
  @DisplayName("sign, RSA subject key, adds keyEncipherment")
  void rsaLeafKeyUsage() {
    // When
    var leaf = ca.sign(Identities.admin(), KeyPairs.rsa2048().getPublic());

    // Then
    assertThat(leaf.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
    assertThat(leaf.getKeyUsage()[KEY_ENCIPHERMENT]).isTrue();
  }
}
