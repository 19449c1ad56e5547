package io.vessel.conformance.harness;

import io.vessel.certs.Kubeconfig;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * What the harness needs from a kubeconfig's current context: where the server is, how to reach it
 * as the kubeconfig's user, and how to reach it as nobody.
 *
 * <p>This is the only class that touches the certs module.
 *
 * @param server the API server base URI
 * @param userTls TLS context with the kubeconfig's trust and client certificate
 * @param anonymousTls TLS context with the kubeconfig's trust and no client certificate
 * @param bearerToken the user's token, or null
 */
record ClusterAccess(URI server, SSLContext userTls, SSLContext anonymousTls, String bearerToken) {

  /** Reads {@code kubeconfig}; failures name the file. */
  static ClusterAccess read(Path kubeconfig) {
    try {
      var config = Kubeconfig.read(kubeconfig);
      SSLContext anonymous;
      if (config.insecureSkipTlsVerify()) {
        anonymous = TlsContexts.trustingAnything();
      } else if (config.caPem() != null && !config.caPem().isBlank()) {
        anonymous = TlsContexts.trusting(config.caPem());
      } else {
        anonymous = SSLContext.getDefault();
      }
      return new ClusterAccess(
          URI.create(config.server()), config.sslContext(), anonymous, config.token().orElse(null));
    } catch (Exception e) {
      throw new IllegalStateException("cannot use kubeconfig " + kubeconfig + ": " + e, e);
    }
  }
}
