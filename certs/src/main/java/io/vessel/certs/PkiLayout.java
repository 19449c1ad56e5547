package io.vessel.certs;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The file names under a PKI directory, following kubeadm's {@code /etc/kubernetes/pki}:
 *
 * <pre>
 * ca.crt ca.key                 cluster CA
 * apiserver.crt apiserver.key   kube-apiserver serving certificate
 * admin.crt admin.key           kubernetes-admin client certificate (system:masters)
 * sa.key sa.pub                 service-account token signing key pair (RSA)
 * nodes/NAME.crt nodes/NAME.key kubelet client certificates (system:node:NAME)
 * </pre>
 *
 * @param dir the PKI directory
 */
public record PkiLayout(Path dir) {

  // RFC 1123 subdomain, as Kubernetes validates node names; also keeps "../" out of file names.
  private static final Pattern NODE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * A certificate file and its private key file.
   *
   * @param cert the PEM certificate
   * @param key the PEM private key (or, for the service-account pair, see {@link
   *     PkiLayout#serviceAccount()})
   */
  public record Pair(Path cert, Path key) {}

  public PkiLayout {
    Objects.requireNonNull(dir, "dir");
  }

  public Pair ca() {
    return pair("ca");
  }

  public Pair apiserver() {
    return pair("apiserver");
  }

  public Pair admin() {
    return pair("admin");
  }

  /** {@code sa.pub} (X.509 PUBLIC KEY, in the {@code cert} slot) and {@code sa.key}. */
  public Pair serviceAccount() {
    return new Pair(dir.resolve("sa.pub"), dir.resolve("sa.key"));
  }

  public Path nodesDir() {
    return dir.resolve("nodes");
  }

  /**
   * {@code nodes/NAME.crt} and {@code nodes/NAME.key}.
   *
   * @throws IllegalArgumentException if {@code nodeName} is not a valid node name
   */
  public Pair node(String nodeName) {
    requireNodeName(nodeName);
    return new Pair(nodesDir().resolve(nodeName + ".crt"), nodesDir().resolve(nodeName + ".key"));
  }

  /** Rejects anything that is not a DNS-1123 subdomain of at most 253 characters. */
  static String requireNodeName(String nodeName) {
    if (nodeName == null || nodeName.length() > 253 || !NODE_NAME.matcher(nodeName).matches()) {
      throw new IllegalArgumentException(
          "invalid node name '" + nodeName + "': must be a lowercase RFC 1123 subdomain");
    }
    return nodeName;
  }

  private Pair pair(String baseName) {
    return new Pair(dir.resolve(baseName + ".crt"), dir.resolve(baseName + ".key"));
  }
}
