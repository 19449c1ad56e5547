package io.vessel.certs;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 certificates with the extensions Go's {@code crypto/x509} and kubeadm use,
 * so that kubectl and the kubelet accept them.
 */
final class CertificateSigner {

  /** notBefore is set this far in the past, so a peer whose clock is behind accepts the cert. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateSigner() {}

  /** A self-signed CA certificate: CA:true (critical), keyCertSign and cRLSign, SKI = AKI. */
  static X509Certificate selfSignedCa(String commonName, KeyPair keys, Duration validity) {
    var now = Instant.now();
    var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    var builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serialNumber(),
            Date.from(now.minus(CLOCK_SKEW)),
            Date.from(now.plus(validity)),
            subject,
            keys.getPublic());
    var ski = extensionUtils().createSubjectKeyIdentifier(keys.getPublic());
    int usage = KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
    add(builder, Extension.basicConstraints, true, new BasicConstraints(true));
    add(builder, Extension.keyUsage, true, new KeyUsage(usage));
    add(builder, Extension.subjectKeyIdentifier, false, ski);
    add(
        builder,
        Extension.authorityKeyIdentifier,
        false,
        new AuthorityKeyIdentifier(ski.getKeyIdentifier()));
    return sign(builder, keys.getPrivate());
  }

  /**
   * A leaf certificate for {@code subjectKey} as {@code spec} describes, signed by the CA. It is
   * never valid past the CA's own notAfter: a chain is only as valid as its shortest link.
   */
  static X509Certificate leaf(
      CertificateSpec spec, PublicKey subjectKey, X509Certificate caCert, PrivateKey caKey) {
    var now = Instant.now();
    var notAfter = now.plus(spec.validity());
    if (notAfter.isAfter(caCert.getNotAfter().toInstant())) {
      notAfter = caCert.getNotAfter().toInstant();
    }
    var builder =
        new JcaX509v3CertificateBuilder(
            caCert,
            serialNumber(),
            Date.from(now.minus(CLOCK_SKEW)),
            Date.from(notAfter),
            subject(spec),
            subjectKey);
    // keyEncipherment only means something for RSA key exchange; Go sets it for RSA keys only.
    int usage = KeyUsage.digitalSignature;
    if (subjectKey.getAlgorithm().equals("RSA")) {
      usage |= KeyUsage.keyEncipherment;
    }
    add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
    add(builder, Extension.keyUsage, true, new KeyUsage(usage));
    add(builder, Extension.extendedKeyUsage, false, extendedKeyUsage(spec));
    add(
        builder,
        Extension.subjectKeyIdentifier,
        false,
        extensionUtils().createSubjectKeyIdentifier(subjectKey));
    add(builder, Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(caCert));
    var sans = subjectAlternativeNames(spec);
    if (sans != null) {
      add(builder, Extension.subjectAlternativeName, false, sans);
    }
    return sign(builder, caKey);
  }

  /** O values first, then CN: the order Go writes, so openssl shows the same subject. */
  private static X500Name subject(CertificateSpec spec) {
    var name = new X500NameBuilder(BCStyle.INSTANCE);
    spec.organizations().forEach(o -> name.addRDN(BCStyle.O, o));
    return name.addRDN(BCStyle.CN, spec.commonName()).build();
  }

  private static ExtendedKeyUsage extendedKeyUsage(CertificateSpec spec) {
    var purposes =
        spec.usages().stream()
            .sorted() // enum order: the same spec always encodes the same way
            .map(usage -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(usage.oid())))
            .toArray(KeyPurposeId[]::new);
    return new ExtendedKeyUsage(purposes);
  }

  private static GeneralNames subjectAlternativeNames(CertificateSpec spec) {
    var names = new ArrayList<GeneralName>();
    spec.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** The CA's own SKI when it has one (a foreign CA may compute it differently). */
  private static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate caCert) {
    var encoded = caCert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (encoded == null) {
      return extensionUtils().createAuthorityKeyIdentifier(caCert.getPublicKey());
    }
    try {
      var ski =
          SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(encoded));
      return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
    } catch (IOException e) {
      throw new IllegalArgumentException("CA certificate has a malformed subjectKeyIdentifier", e);
    }
  }

  /**
   * Random, positive, at most 127 bits: unique without coordination, and well within RFC 5280's 20
   * octets.
   */
  private static BigInteger serialNumber() {
    BigInteger serial;
    do {
      serial = new BigInteger(127, RANDOM);
    } while (serial.signum() == 0);
    return serial;
  }

  private static void add(
      X509v3CertificateBuilder builder,
      ASN1ObjectIdentifier oid,
      boolean critical,
      ASN1Encodable value) {
    try {
      builder.addExtension(oid, critical, value);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode extension " + oid, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey caKey) {
    try {
      var signer = new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(caKey)).build(caKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign certificate: " + e.getMessage(), e);
    }
  }

  private static JcaX509ExtensionUtils extensionUtils() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA-1 digest for key identifiers", e);
    }
  }
}
