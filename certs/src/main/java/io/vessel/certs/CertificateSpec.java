package io.vessel.certs;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a leaf certificate says: who it is for, what it is valid for, and for how long.
 *
 * <p>Kubernetes reads the common name as the user name and the organizations as the groups of a
 * client certificate; a serving certificate is valid for its DNS and IP subject alternative names.
 *
 * @param commonName the subject CN; not blank
 * @param organizations the subject O values (groups), in order
 * @param dnsNames DNS subject alternative names
 * @param ipAddresses IP subject alternative names, as literals
 * @param usages the extended key usages; not empty
 * @param validity how long the certificate is valid from the moment it is issued
 */
public record CertificateSpec(
    String commonName,
    List<String> organizations,
    List<String> dnsNames,
    List<String> ipAddresses,
    Set<Usage> usages,
    Duration validity) {

  /** One year, as kubeadm issues leaves. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  /** The extended key usage: what a peer may use the certificate for. */
  public enum Usage {
    /** {@code id-kp-serverAuth}: TLS server. */
    SERVER_AUTH("1.3.6.1.5.5.7.3.1"),
    /** {@code id-kp-clientAuth}: TLS client. */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2");

    private final String oid;

    Usage(String oid) {
      this.oid = oid;
    }

    /** The key purpose OID, as {@code X509Certificate#getExtendedKeyUsage} lists it. */
    public String oid() {
      return oid;
    }
  }

  public CertificateSpec {
    if (commonName == null || commonName.isBlank()) {
      throw new IllegalArgumentException("commonName must not be blank");
    }
    organizations = List.copyOf(organizations);
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    usages = Set.copyOf(usages);
    for (var dnsName : dnsNames) {
      if (dnsName.isBlank() || CertificateNames.isIpLiteral(dnsName)) {
        throw new IllegalArgumentException("not a DNS name: '" + dnsName + "'");
      }
    }
    for (var ip : ipAddresses) {
      if (!CertificateNames.isIpLiteral(ip)) {
        throw new IllegalArgumentException("not an IP literal: '" + ip + "'");
      }
    }
    if (usages.isEmpty()) {
      throw new IllegalArgumentException("a certificate needs at least one usage");
    }
    if (validity == null || validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
  }

  public static Builder builder(String commonName) {
    return new Builder(commonName);
  }

  /** A client certificate for user {@code commonName} in the given groups, valid one year. */
  public static CertificateSpec client(String commonName, String... organizations) {
    return builder(commonName)
        .organizations(List.of(organizations))
        .usage(Usage.CLIENT_AUTH)
        .build();
  }

  /**
   * A serving certificate for {@code sans} (DNS names or IP literals, sorted into the right kind),
   * valid one year.
   */
  public static CertificateSpec server(String commonName, Collection<String> sans) {
    return builder(commonName).sans(sans).usage(Usage.SERVER_AUTH).build();
  }

  /** This spec with another validity. */
  public CertificateSpec withValidity(Duration newValidity) {
    return new CertificateSpec(
        commonName, organizations, dnsNames, ipAddresses, usages, newValidity);
  }

  /** Collects a spec; duplicates are dropped, order is kept. */
  public static final class Builder {
    private final String commonName;
    private final Set<String> organizations = new LinkedHashSet<>();
    private final Set<String> dnsNames = new LinkedHashSet<>();
    private final Set<String> ipAddresses = new LinkedHashSet<>();
    private final Set<Usage> usages = EnumSet.noneOf(Usage.class);
    private Duration validity = DEFAULT_VALIDITY;

    private Builder(String commonName) {
      this.commonName = commonName;
    }

    public Builder organization(String organization) {
      organizations.add(organization);
      return this;
    }

    public Builder organizations(Collection<String> values) {
      organizations.addAll(values);
      return this;
    }

    public Builder dnsName(String dnsName) {
      dnsNames.add(dnsName);
      return this;
    }

    public Builder ipAddress(String literal) {
      ipAddresses.add(literal);
      return this;
    }

    /** Adds {@code name} as an IP SAN if it is an IP literal, as a DNS SAN otherwise. */
    public Builder san(String name) {
      return CertificateNames.isIpLiteral(name) ? ipAddress(name) : dnsName(name);
    }

    public Builder sans(Collection<String> names) {
      names.forEach(this::san);
      return this;
    }

    public Builder usage(Usage... values) {
      usages.addAll(List.of(values));
      return this;
    }

    public Builder validity(Duration value) {
      validity = value;
      return this;
    }

    public CertificateSpec build() {
      return new CertificateSpec(
          commonName,
          List.copyOf(organizations),
          List.copyOf(dnsNames),
          List.copyOf(ipAddresses),
          usages,
          validity);
    }
  }
}
