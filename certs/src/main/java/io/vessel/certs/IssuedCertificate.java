package io.vessel.certs;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A leaf certificate together with its private key.
 *
 * @param certificate the certificate, signed by the cluster CA
 * @param privateKey the private key matching the certificate's public key
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /**
   * Reads a certificate and its key from files and checks that they belong together.
   *
   * @throws PkiException naming the file that is missing, unparseable or mismatched
   */
  public static IssuedCertificate read(Path certFile, Path keyFile) {
    var certificate = Pem.readCertificate(certFile);
    var key = Pem.readPrivateKey(keyFile);
    if (!KeyPairs.matches(certificate.getPublicKey(), key)) {
      throw PkiException.keyMismatch(keyFile, certFile);
    }
    return new IssuedCertificate(certificate, key);
  }

  public String certificatePem() {
    return Pem.encode(certificate);
  }

  /** PKCS#8 PEM. */
  public String privateKeyPem() {
    return Pem.encode(privateKey);
  }

  /** The subject CN: the user name, for a client certificate. */
  public String commonName() {
    return CertificateNames.commonName(certificate);
  }

  /** The subject O values: the groups, for a client certificate. */
  public List<String> organizations() {
    return CertificateNames.organizations(certificate);
  }

  /** Names the certificate; never prints the key (an RSA key's toString shows its exponent). */
  @Override
  public String toString() {
    return "IssuedCertificate[subject="
        + certificate.getSubjectX500Principal()
        + ", serial="
        + certificate.getSerialNumber().toString(16)
        + ", privateKey=<redacted>]";
  }
}
