package io.vessel.certs;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;

/**
 * The cluster's certificate authority: a self-signed CA certificate and its private key, which
 * issue every leaf certificate of the cluster.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class CertificateAuthority {

  /** The CA's common name when Vessel creates it. */
  public static final String DEFAULT_COMMON_NAME = "vessel-ca";

  /** Ten years, as kubeadm creates its CA. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /** A new CA: EC P-256 key, CN {@value #DEFAULT_COMMON_NAME}, valid ten years. */
  public static CertificateAuthority create() {
    return create(DEFAULT_COMMON_NAME, DEFAULT_VALIDITY);
  }

  public static CertificateAuthority create(String commonName, Duration validity) {
    var keys = KeyPairs.ecP256();
    return new CertificateAuthority(
        CertificateSigner.selfSignedCa(commonName, keys, validity), keys.getPrivate());
  }

  /**
   * An existing CA.
   *
   * @throws IllegalArgumentException if the certificate is not a CA certificate or the key does not
   *     match it
   */
  public static CertificateAuthority of(X509Certificate certificate, PrivateKey privateKey) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("not a CA certificate (basicConstraints CA:false)");
    }
    if (!KeyPairs.matches(certificate.getPublicKey(), privateKey)) {
      throw new IllegalArgumentException("private key does not match the CA certificate");
    }
    return new CertificateAuthority(certificate, privateKey);
  }

  /**
   * Reads an existing CA from its two files and checks it can still sign: it is a CA, the key
   * matches, and it has not expired.
   *
   * @throws PkiException naming the file at fault
   */
  public static CertificateAuthority read(Path certFile, Path keyFile) {
    var certificate = Pem.readCertificate(certFile);
    var key = Pem.readPrivateKey(keyFile);
    if (certificate.getBasicConstraints() < 0) {
      throw new PkiException(certFile, "not a CA certificate (basicConstraints CA:false)");
    }
    if (!KeyPairs.matches(certificate.getPublicKey(), key)) {
      throw PkiException.keyMismatch(keyFile, certFile);
    }
    if (certificate.getNotAfter().before(new Date())) {
      // Replacing a CA invalidates every credential it signed: an operator decision, not ours.
      throw new PkiException(
          certFile, "CA certificate expired on " + certificate.getNotAfter().toInstant());
    }
    return new CertificateAuthority(certificate, key);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String certificatePem() {
    return Pem.encode(certificate);
  }

  /** The CA key; kept inside the package so that only the PKI files ever hold it. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** Issues a leaf certificate for a new EC P-256 key pair. */
  public IssuedCertificate issue(CertificateSpec spec) {
    var keys = KeyPairs.ecP256();
    return new IssuedCertificate(sign(spec, keys.getPublic()), keys.getPrivate());
  }

  /**
   * Issues a leaf certificate for an existing public key (a CSR's, or a key kept across a renewal).
   */
  public X509Certificate sign(CertificateSpec spec, PublicKey publicKey) {
    return CertificateSigner.leaf(spec, publicKey, certificate, privateKey);
  }

  /** Whether this CA issued {@code leaf}: issuer name matches and the signature verifies. */
  public boolean hasSigned(X509Certificate leaf) {
    if (!leaf.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
      return false;
    }
    try {
      leaf.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
