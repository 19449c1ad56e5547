package io.vessel.certs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The part of a kubeconfig file a client needs: the current context's cluster and user.
 *
 * <p>{@link #write} produces a file stock kubectl reads, with the CA and client credentials
 * embedded ({@code *-data}); {@link #read} accepts both embedded data and file paths.
 *
 * @param clusterName the cluster's name in the file
 * @param server the apiserver URL, e.g. {@code https://127.0.0.1:6443}
 * @param caPem the CA bundle to trust, or null for the system trust store (or when insecure)
 * @param insecureSkipTlsVerify trust any server certificate; never together with {@code caPem},
 *     which kubectl rejects too
 * @param userName the user's name in the file (not necessarily the authenticated user)
 * @param clientCertPem the client certificate, or null
 * @param clientKeyPem the client certificate's private key; null exactly when {@code clientCertPem}
 *     is
 * @param token a bearer token, if any
 */
public record Kubeconfig(
    String clusterName,
    String server,
    String caPem,
    boolean insecureSkipTlsVerify,
    String userName,
    String clientCertPem,
    String clientKeyPem,
    Optional<String> token) {

  public Kubeconfig {
    requireNonBlank(clusterName, "clusterName");
    requireNonBlank(server, "server");
    requireNonBlank(userName, "userName");
    token = Objects.requireNonNullElse(token, Optional.empty());
    if (caPem != null && insecureSkipTlsVerify) {
      throw new IllegalArgumentException("a CA and insecure-skip-tls-verify exclude each other");
    }
    if ((clientCertPem == null) != (clientKeyPem == null)) {
      throw new IllegalArgumentException("a client certificate and its key go together");
    }
  }

  /** A kubeconfig authenticating with a client certificate, everything embedded. */
  public static Kubeconfig forClient(
      String clusterName,
      String serverUrl,
      String caPem,
      String userName,
      IssuedCertificate client) {
    return new Kubeconfig(
        clusterName,
        serverUrl,
        caPem,
        false,
        userName,
        client.certificatePem(),
        client.privateKeyPem(),
        Optional.empty());
  }

  /** A kubeconfig authenticating with a bearer token (a service-account token, say). */
  public static Kubeconfig forToken(
      String clusterName, String serverUrl, String caPem, String userName, String token) {
    return new Kubeconfig(
        clusterName, serverUrl, caPem, false, userName, null, null, Optional.of(token));
  }

  /**
   * Reads the current context of a kubeconfig file. Relative file paths in it are resolved against
   * the file's directory, as kubectl does; embedded {@code *-data} wins over a path.
   *
   * @throws PkiException naming the kubeconfig (or a file it refers to) if it cannot be read, does
   *     not parse, or uses an authentication method this reader does not support ({@code exec},
   *     {@code auth-provider}, basic auth)
   */
  public static Kubeconfig read(Path file) {
    return KubeconfigYaml.read(file);
  }

  /** Writes the file, mode {@code 0600} (it holds a private key or token), atomically. */
  public void write(Path file) {
    var parent = file.toAbsolutePath().getParent();
    AtomicFiles.createPrivateDirectories(parent);
    AtomicFiles.write(file, toYaml().getBytes(StandardCharsets.UTF_8), AtomicFiles.PRIVATE);
  }

  /** The kubeconfig YAML, as {@link #write} stores it. */
  public String toYaml() {
    return KubeconfigYaml.format(this);
  }

  /** The context name written to the file: {@code USER@CLUSTER}, as kubeadm names it. */
  public String contextName() {
    return userName + "@" + clusterName;
  }

  /**
   * A client TLS context that trusts the CA (or, when insecure, any server) and presents the client
   * certificate if there is one.
   *
   * @throws IllegalArgumentException if the PEM material does not parse or the key does not match
   */
  public SSLContext sslContext() {
    return insecureSkipTlsVerify
        ? TlsContexts.insecureClient(clientCertPem, clientKeyPem)
        : TlsContexts.client(caPem, clientCertPem, clientKeyPem);
  }

  /** Never prints the key or the token, so a logged config leaks no credentials. */
  @Override
  public String toString() {
    return "Kubeconfig[cluster="
        + clusterName
        + ", server="
        + server
        + ", user="
        + userName
        + ", clientCert="
        + (clientCertPem != null)
        + ", token="
        + (token.isPresent() ? "<redacted>" : "none")
        + ", insecureSkipTlsVerify="
        + insecureSkipTlsVerify
        + "]";
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
