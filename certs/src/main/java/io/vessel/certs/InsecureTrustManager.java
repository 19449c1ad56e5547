package io.vessel.certs;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts every server: {@code insecure-skip-tls-verify}. It must be an {@link
 * X509ExtendedTrustManager}: the JDK wraps a plain {@code X509TrustManager} in one that still
 * checks the host name, which "skip verify" must not do either.
 */
final class InsecureTrustManager extends X509ExtendedTrustManager {

  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  // A client-side manager: it is never asked about clients, and refuses if it somehow is.
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    throw new UnsupportedOperationException("client-side trust manager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    throw new UnsupportedOperationException("client-side trust manager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    throw new UnsupportedOperationException("client-side trust manager");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }
}
