package io.vessel.server.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.vessel.server.api.ApiException;
import java.util.List;

/**
 * Where a node's agent serves its kubelet API: the first address of the preferred types (the
 * internal IP first, as it needs no DNS) and the port the agent reported in {@code
 * status.daemonEndpoints}, 10250 when it reported none.
 */
public record KubeletAddress(String host, int port) {
  public static final int DEFAULT_PORT = 10250;
  static final List<String> PREFERRED = List.of("InternalIP", "Hostname", "InternalDNS", "ExternalIP", "ExternalDNS");

  public static KubeletAddress of(Node node) {
    var status = node.getStatus();
    int port = DEFAULT_PORT;
    if (status != null
        && status.getDaemonEndpoints() != null
        && status.getDaemonEndpoints().getKubeletEndpoint() != null
        && status.getDaemonEndpoints().getKubeletEndpoint().getPort() != null
        && status.getDaemonEndpoints().getKubeletEndpoint().getPort() > 0) {
      port = status.getDaemonEndpoints().getKubeletEndpoint().getPort();
    }
    List<NodeAddress> addresses = status == null ? null : status.getAddresses();
    if (addresses != null) {
      for (String type : PREFERRED) {
        for (NodeAddress a : addresses) {
          if (type.equals(a.getType()) && a.getAddress() != null && !a.getAddress().isEmpty()) {
            return new KubeletAddress(a.getAddress(), port);
          }
        }
      }
    }
    throw ApiException.badRequest(
        "no preferred addresses found; known addresses: " + (addresses == null ? "[]" : addresses.stream().map(NodeAddress::getAddress).toList()));
  }
}
