package io.vessel.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.util.IPAddress;

/**
 * The names a certificate carries, read the way Kubernetes reads them: the subject's common name is
 * the user, its organizations are the groups, and the subject alternative names are what a serving
 * certificate is valid for.
 */
public final class CertificateNames {

  // X509Certificate#getSubjectAlternativeNames tags (RFC 5280 GeneralName choices)
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private CertificateNames() {}

  /** The subject's first common name, or the empty string if it has none. */
  public static String commonName(X509Certificate certificate) {
    var values = subjectValues(certificate, BCStyle.CN);
    return values.isEmpty() ? "" : values.get(0);
  }

  /** The subject's organizations, in certificate order (multi-valued RDNs included). */
  public static List<String> organizations(X509Certificate certificate) {
    return subjectValues(certificate, BCStyle.O);
  }

  /** The DNS subject alternative names. */
  public static List<String> dnsNames(X509Certificate certificate) {
    var names = new ArrayList<String>();
    for (var entry : alternativeNames(certificate)) {
      if ((Integer) entry.get(0) == DNS_NAME) {
        names.add((String) entry.get(1));
      }
    }
    return names;
  }

  /** The IP subject alternative names. */
  public static List<InetAddress> ipAddresses(X509Certificate certificate) {
    var addresses = new ArrayList<InetAddress>();
    for (var entry : alternativeNames(certificate)) {
      if ((Integer) entry.get(0) == IP_ADDRESS) {
        addresses.add(ipAddress((String) entry.get(1)));
      }
    }
    return addresses;
  }

  /** Whether {@code text} is an IPv4 or IPv6 literal (no DNS lookup is involved). */
  public static boolean isIpLiteral(String text) {
    return IPAddress.isValid(text);
  }

  /**
   * The address an IP literal denotes, so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} compare
   * equal.
   *
   * @throws IllegalArgumentException if {@code literal} is not an IP literal
   */
  public static InetAddress ipAddress(String literal) {
    if (!isIpLiteral(literal)) {
      throw new IllegalArgumentException("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal); // a literal is parsed, never resolved
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }

  private static List<String> subjectValues(
      X509Certificate certificate, ASN1ObjectIdentifier type) {
    var subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    var values = new ArrayList<String>();
    for (var rdn : subject.getRDNs()) {
      for (var attribute : rdn.getTypesAndValues()) {
        if (attribute.getType().equals(type)) {
          // The raw string, not the RFC 4514 escaped form: "system:masters" is the group name.
          var value = attribute.getValue();
          values.add(
              value instanceof ASN1String string
                  ? string.getString()
                  : IETFUtils.valueToString(value));
        }
      }
    }
    return values;
  }

  private static Collection<List<?>> alternativeNames(X509Certificate certificate) {
    try {
      var names = certificate.getSubjectAlternativeNames();
      return names == null ? List.of() : names;
    } catch (CertificateParsingException e) {
      throw new IllegalArgumentException("unparseable subjectAltName extension", e);
    }
  }
}
