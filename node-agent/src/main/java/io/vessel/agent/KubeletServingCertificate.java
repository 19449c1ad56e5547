package io.vessel.agent;

import io.vessel.certs.CertificateAuthority;
import io.vessel.certs.CertificateNames;
import io.vessel.certs.CertificateSpec;
import io.vessel.certs.IssuedCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The kubelet API's serving certificate, made at every start as the kubelet makes one when it is
 * given no {@code --tls-cert-file}: a throwaway CA {@code <node>-ca@<unix seconds>} signs {@code
 * <node>@<unix seconds>}, valid for the node's name, host name and internal IP. Nothing is written
 * to disk. The API server, as upstream's by default, does not verify it; a client that does trusts
 * {@link #caPem()}.
 *
 * @param serving the certificate and key the server presents
 * @param caPem the CA that signed it
 */
record KubeletServingCertificate(IssuedCertificate serving, String caPem) {
  static final Duration VALIDITY = Duration.ofDays(365);

  /** @param names DNS names or IP literals; blank and duplicate ones are dropped */
  static KubeletServingCertificate generate(String nodeName, List<String> names, Instant now) {
    long seconds = now.getEpochSecond();
    var ca = CertificateAuthority.create(nodeName + "-ca@" + seconds, VALIDITY);
    var sans = new LinkedHashSet<String>();
    sans.add(nodeName);
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        sans.add(n);
      }
    }
    var spec =
        CertificateSpec.builder(nodeName + "@" + seconds)
            .sans(sans)
            .usage(CertificateSpec.Usage.SERVER_AUTH)
            .validity(VALIDITY)
            .build();
    return new KubeletServingCertificate(ca.issue(spec), ca.certificatePem());
  }

  /** The DNS names and IP literals it is valid for (for logs and tests). */
  List<String> sans() {
    var cert = serving.certificate();
    var all = new ArrayList<>(CertificateNames.dnsNames(cert));
    CertificateNames.ipAddresses(cert).forEach(ip -> all.add(ip.getHostAddress()));
    return all;
  }
}
