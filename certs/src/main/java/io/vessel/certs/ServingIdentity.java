package io.vessel.certs;

import java.util.List;

/**
 * The identity the kube-apiserver serving certificate must carry, beyond the names every apiserver
 * has (see {@link Identities#serving}).
 *
 * @param hostName this machine's host name (or an IP literal), as clients outside the cluster reach
 *     it
 * @param extraSans more names to serve under: DNS names or IP literals (a load balancer, an
 *     advertise address); IP literals become IP SANs, everything else DNS SANs
 * @param serviceIp the first IP of the service CIDR, which the {@code kubernetes} Service gets, for
 *     example {@code 10.96.0.1} for the default {@code 10.96.0.0/12}
 */
public record ServingIdentity(String hostName, List<String> extraSans, String serviceIp) {

  /** The first IP of kubeadm's default service CIDR {@code 10.96.0.0/12}. */
  public static final String DEFAULT_SERVICE_IP = "10.96.0.1";

  public ServingIdentity {
    if (hostName == null || hostName.isBlank()) {
      throw new IllegalArgumentException("hostName must not be blank");
    }
    extraSans = List.copyOf(extraSans);
    for (var san : extraSans) {
      if (san.isBlank()) {
        throw new IllegalArgumentException("extraSans must not contain a blank name");
      }
    }
    if (serviceIp == null || !CertificateNames.isIpLiteral(serviceIp)) {
      throw new IllegalArgumentException("serviceIp must be an IP literal, got " + serviceIp);
    }
  }

  /** {@code hostName} with no extra SANs and the default service IP. */
  public static ServingIdentity of(String hostName) {
    return new ServingIdentity(hostName, List.of(), DEFAULT_SERVICE_IP);
  }
}
