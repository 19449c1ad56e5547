package io.vessel.agent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one node agent runs as: its Node's name, where it keeps pod directories (logs), and the
 * CRI runtime's endpoint.
 *
 * @param nodeName the Node object's name; a DNS-1123 subdomain
 * @param rootDir pod log directories live in {@code <rootDir>/pods/<ns>_<name>_<uid>}
 * @param runtimeEndpoint e.g. {@code unix:///run/containerd/containerd.sock}
 */
public record AgentConfig(String nodeName, Path rootDir, String runtimeEndpoint) {
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public AgentConfig {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(rootDir, "rootDir");
    Objects.requireNonNull(runtimeEndpoint, "runtimeEndpoint");
    if (nodeName.length() > 253 || !DNS_SUBDOMAIN.matcher(nodeName).matches()) {
      throw new IllegalArgumentException(
          "node name " + nodeName + " is not a lowercase DNS-1123 subdomain");
    }
  }

  /** The directory of one pod's container logs, as the kubelet names it. */
  public Path podLogDir(String namespace, String name, String uid) {
    return rootDir.resolve("pods").resolve(namespace + "_" + name + "_" + uid);
  }
}
