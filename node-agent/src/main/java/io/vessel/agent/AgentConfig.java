package io.vessel.agent;

import io.vessel.certs.Pem;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one node agent runs as: its Node's name, where it keeps pod directories (logs), the CRI
 * runtime's endpoint, and how it serves the kubelet API.
 *
 * @param nodeName the Node object's name; a DNS-1123 subdomain
 * @param rootDir pod log directories live in {@code <rootDir>/pods/<ns>_<name>_<uid>}
 * @param runtimeEndpoint e.g. {@code unix:///run/containerd/containerd.sock}
 * @param kubeletPort the kubelet API's HTTPS port ({@value #DEFAULT_KUBELET_PORT} as upstream);
 *     0 binds an ephemeral port, which the Node's {@code daemonEndpoints} then reports
 * @param clusterCaPem the cluster CA bundle; the kubelet API accepts only client certificates it
 *     signed
 */
public record AgentConfig(
    String nodeName, Path rootDir, String runtimeEndpoint, int kubeletPort, String clusterCaPem) {
  public static final int DEFAULT_KUBELET_PORT = 10250;
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public AgentConfig {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(rootDir, "rootDir");
    Objects.requireNonNull(runtimeEndpoint, "runtimeEndpoint");
    Objects.requireNonNull(clusterCaPem, "clusterCaPem");
    if (nodeName.length() > 253 || !DNS_SUBDOMAIN.matcher(nodeName).matches()) {
      throw new IllegalArgumentException(
          "node name " + nodeName + " is not a lowercase DNS-1123 subdomain");
    }
    if (kubeletPort < 0 || kubeletPort > 65535) {
      throw new IllegalArgumentException("kubelet port " + kubeletPort + " is not in 0-65535");
    }
    // fail here, not at the first TLS handshake, on a CA that does not parse
    Pem.parseCertificates(clusterCaPem);
  }

  /** An agent whose kubelet API listens on an ephemeral port (tests, several agents per host). */
  public AgentConfig(String nodeName, Path rootDir, String runtimeEndpoint, String clusterCaPem) {
    this(nodeName, rootDir, runtimeEndpoint, 0, clusterCaPem);
  }

  /** The directory of one pod's container logs, as the kubelet names it. */
  public Path podLogDir(String namespace, String name, String uid) {
    return rootDir.resolve("pods").resolve(namespace + "_" + name + "_" + uid);
  }
}
