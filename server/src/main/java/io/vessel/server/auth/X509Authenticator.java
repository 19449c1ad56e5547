package io.vessel.server.auth;

import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Client-certificate authentication, as kube-apiserver's x509 authenticator: the TLS layer has
 * already checked the chain against the cluster CA; the subject's CN is the user and its O
 * values are the groups.
 */
public final class X509Authenticator {

  public Optional<UserInfo> authenticate(HttpServerRequest req) {
    if (!req.isSSL()) {
      return Optional.empty();
    }
    List<Certificate> chain;
    try {
      chain = req.connection().peerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
    if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate cert)) {
      return Optional.empty();
    }
    return userOf(cert);
  }

  static Optional<UserInfo> userOf(X509Certificate cert) {
    String cn = null;
    List<String> groups = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          cn = String.valueOf(rdn.getValue());
        } else if (rdn.getType().equalsIgnoreCase("O")) {
          groups.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    if (cn == null || cn.isEmpty()) {
      return Optional.empty();
    }
    groups.add("system:authenticated");
    return Optional.of(new UserInfo(cn, List.copyOf(groups)));
  }
}
