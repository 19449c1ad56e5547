package io.vessel.certs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * JDK {@link SSLContext}s built from PEM material, for clients of the apiserver and for servers
 * that authenticate clients with the cluster CA.
 *
 * <p>An {@code SSLContext} does not check host names by itself; the client using it does ({@code
 * java.net.http.HttpClient} and {@code HttpsURLConnection} do so by default).
 *
 * <p>Every method throws {@link IllegalArgumentException} if the PEM does not parse or a key does
 * not match its certificate.
 */
public final class TlsContexts {

  // Only guards the in-memory key store; it is never written anywhere.
  private static final char[] KEY_STORE_PASSWORD = "vessel".toCharArray();

  private TlsContexts() {}

  /**
   * A client context.
   *
   * @param caPem the CA bundle to trust, or null for the JDK's default trust store
   * @param certPem the client certificate (chain) to present, or null for none
   * @param keyPem the client certificate's private key; null exactly when {@code certPem} is
   */
  public static SSLContext client(String caPem, String certPem, String keyPem) {
    var trust = caPem == null ? null : trustManagers(Pem.parseCertificates(caPem));
    return context(keyManagers(certPem, keyPem), trust);
  }

  /**
   * A client context that trusts any server and checks no host name ({@code
   * insecure-skip-tls-verify}), presenting a client certificate if one is given.
   */
  public static SSLContext insecureClient(String certPem, String keyPem) {
    return context(keyManagers(certPem, keyPem), new TrustManager[] {new InsecureTrustManager()});
  }

  /**
   * A server context presenting {@code serving}, trusting client certificates signed by {@code
   * clientCaPem} (null: the JDK default). Whether a client certificate is requested or required is
   * the server socket's choice ({@code setNeedClientAuth}/{@code setWantClientAuth}).
   */
  public static SSLContext server(IssuedCertificate serving, String clientCaPem) {
    var keys = keyManagers(List.of(serving.certificate()), serving.privateKey());
    var trust = clientCaPem == null ? null : trustManagers(Pem.parseCertificates(clientCaPem));
    return context(keys, trust);
  }

  private static KeyManager[] keyManagers(String certPem, String keyPem) {
    if ((certPem == null) != (keyPem == null)) {
      throw new IllegalArgumentException(
          "a client certificate needs its key, and a key its certificate");
    }
    if (certPem == null) {
      return null;
    }
    return keyManagers(Pem.parseCertificates(certPem), Pem.parsePrivateKey(keyPem));
  }

  private static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key) {
    if (!KeyPairs.matches(chain.get(0).getPublicKey(), key)) {
      throw new IllegalArgumentException("private key does not match the certificate");
    }
    try {
      var store = emptyKeyStore();
      store.setKeyEntry("identity", key, KEY_STORE_PASSWORD, chain.toArray(X509Certificate[]::new));
      var factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, KEY_STORE_PASSWORD);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use the key and certificate: " + e, e);
    }
  }

  private static TrustManager[] trustManagers(List<X509Certificate> cas) {
    try {
      var store = emptyKeyStore();
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot trust the CA certificates: " + e, e);
    }
  }

  private static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
    try {
      var context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot create a TLS context", e);
    }
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    try {
      var store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (IOException e) {
      throw new IllegalStateException("cannot initialise an empty key store", e);
    }
  }
}
