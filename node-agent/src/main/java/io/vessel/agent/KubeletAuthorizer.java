package io.vessel.agent;

import io.vertx.core.http.HttpMethod;
import io.vessel.certs.CertificateNames;
import io.vessel.certs.Identities;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the kubelet API. The kubelet asks the API server (a SubjectAccessReview) whether the
 * user may {@code <verb> nodes/proxy}; Vessel's authorizer admits only {@code system:masters}, so
 * the agent decides the same from the client certificate's groups (its O values) without asking.
 * The TLS layer has already checked that the cluster CA signed the certificate.
 */
final class KubeletAuthorizer {
  private KubeletAuthorizer() {}

  /** Empty when the request is allowed; else the 403 body, in the kubelet's words. */
  static Optional<String> deny(X509Certificate client, HttpMethod method) {
    if (CertificateNames.organizations(client).contains(Identities.MASTERS_GROUP)) {
      return Optional.empty();
    }
    // every path we serve is what the kubelet files under the "proxy" subresource
    return Optional.of(
        "Forbidden (user=" + CertificateNames.commonName(client) + ", verb=" + verb(method)
            + ", resource=nodes, subresource=proxy)");
  }

  /** The kubelet's mapping of HTTP methods to API verbs. */
  static String verb(HttpMethod method) {
    String m = method.name();
    return switch (m) {
      case "GET", "HEAD" -> "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> m.toLowerCase(Locale.ROOT);
    };
  }
}
