package io.vessel.certs;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a valid, CA-signed leaf certificate still serves its purpose. A leaf that does
 * not is reissued: a new SAN or a near expiry is a configuration change, not corruption.
 */
final class LeafRenewal {

  /** Leaves are renewed this long before they expire, so a running cluster never sees expiry. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private LeafRenewal() {}

  /**
   * Why {@code certificate} must be reissued to satisfy {@code spec} at {@code now}, if it must.
   */
  static Optional<String> reason(X509Certificate certificate, CertificateSpec spec, Instant now) {
    var notAfter = certificate.getNotAfter().toInstant();
    if (notAfter.minus(RENEW_BEFORE).isBefore(now)) {
      return Optional.of("expires " + notAfter);
    }
    if (certificate.getNotBefore().toInstant().isAfter(now)) {
      return Optional.of("not valid before " + certificate.getNotBefore().toInstant());
    }
    var commonName = CertificateNames.commonName(certificate);
    if (!commonName.equals(spec.commonName())) {
      return Optional.of("CN is " + commonName + ", wanted " + spec.commonName());
    }
    var organizations = CertificateNames.organizations(certificate);
    if (!new HashSet<>(organizations).equals(new HashSet<>(spec.organizations()))) {
      return Optional.of("O is " + organizations + ", wanted " + spec.organizations());
    }
    var missingDns = missingDnsNames(certificate, spec);
    if (!missingDns.isEmpty()) {
      return Optional.of("lacks DNS SANs " + missingDns);
    }
    var missingIps = missingIpAddresses(certificate, spec);
    if (!missingIps.isEmpty()) {
      return Optional.of("lacks IP SANs " + missingIps);
    }
    var missingUsages = missingUsages(certificate, spec);
    if (!missingUsages.isEmpty()) {
      return Optional.of("lacks extended key usages " + missingUsages);
    }
    return Optional.empty();
  }

  // DNS names compare case-insensitively (RFC 4343).
  private static List<String> missingDnsNames(X509Certificate certificate, CertificateSpec spec) {
    var present =
        CertificateNames.dnsNames(certificate).stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return spec.dnsNames().stream()
        .filter(name -> !present.contains(name.toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static List<String> missingIpAddresses(
      X509Certificate certificate, CertificateSpec spec) {
    var present = new HashSet<InetAddress>(CertificateNames.ipAddresses(certificate));
    return spec.ipAddresses().stream()
        .filter(ip -> !present.contains(CertificateNames.ipAddress(ip)))
        .toList();
  }

  private static List<CertificateSpec.Usage> missingUsages(
      X509Certificate certificate, CertificateSpec spec) {
    List<String> present;
    try {
      present = certificate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      present = null;
    }
    var oids = present == null ? List.<String>of() : present;
    return spec.usages().stream().filter(usage -> !oids.contains(usage.oid())).sorted().toList();
  }
}
