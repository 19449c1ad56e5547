package io.vessel.server.auth;

import io.vessel.certs.Identities;
import io.vessel.server.http.RequestInfo;
import java.util.Map;
import java.util.Set;

/**
 * What a node agent (a user in system:nodes named {@code system:node:NAME}) may do: the verbs of
 * upstream's system:node ClusterRole on the resources a kubelet touches, and writes to a Node or
 * its heartbeat Lease only for its own name. Upstream's Node authorizer goes further (a node
 * reads only the secrets and configmaps of pods bound to it); this does not yet (partial; see the
 * README).
 */
final class NodeRules {
  private static final Set<String> READ = Set.of("get", "list", "watch");

  /** group/resource[/subresource] → verbs allowed. */
  private static final Map<String, Set<String>> RULES =
      Map.ofEntries(
          Map.entry("/nodes", Set.of("get", "list", "watch", "create", "update", "patch", "delete")),
          Map.entry("/nodes/status", Set.of("get", "update", "patch")),
          Map.entry("/pods", Set.of("get", "list", "watch", "create", "delete")),
          Map.entry("/pods/status", Set.of("get", "update", "patch")),
          Map.entry("/pods/eviction", Set.of("create")),
          Map.entry("/events", Set.of("create", "update", "patch")),
          Map.entry("events.k8s.io/events", Set.of("create", "update", "patch")),
          Map.entry("/services", READ),
          Map.entry("/endpoints", READ),
          Map.entry("/configmaps", READ),
          Map.entry("/secrets", READ),
          Map.entry("/persistentvolumeclaims", READ),
          Map.entry("/persistentvolumeclaims/status", Set.of("get", "update", "patch")),
          Map.entry("/persistentvolumes", READ),
          Map.entry("/serviceaccounts", READ),
          Map.entry("/serviceaccounts/token", Set.of("create")),
          Map.entry("coordination.k8s.io/leases", Set.of("get", "create", "update", "patch", "delete")),
          Map.entry("certificates.k8s.io/certificatesigningrequests", Set.of("create", "get", "list", "watch")),
          Map.entry("storage.k8s.io/csidrivers", READ),
          Map.entry("storage.k8s.io/csinodes", Set.of("get", "list", "watch", "create", "update", "patch", "delete")),
          Map.entry("storage.k8s.io/volumeattachments", READ),
          Map.entry("node.k8s.io/runtimeclasses", READ),
          Map.entry("discovery.k8s.io/endpointslices", READ),
          Map.entry("authentication.k8s.io/tokenreviews", Set.of("create")),
          Map.entry("authorization.k8s.io/subjectaccessreviews", Set.of("create")));

  private NodeRules() {}

  /** The node's name if {@code user} is a node agent, else null. */
  static String nodeName(UserInfo user) {
    if (!user.inGroup(Identities.NODES_GROUP) || !user.name().startsWith(Identities.NODE_USER_PREFIX)) {
      return null;
    }
    String name = user.name().substring(Identities.NODE_USER_PREFIX.length());
    return name.isEmpty() ? null : name;
  }

  /** Why the node may not make the request, or null if it may. */
  static String deny(String node, RequestInfo info) {
    if (!info.resourceRequest()) {
      return "";
    }
    String key =
        info.group()
            + "/"
            + info.resource()
            + (info.subresource().isEmpty() ? "" : "/" + info.subresource());
    Set<String> verbs = RULES.get(key);
    if (verbs == null || !verbs.contains(info.verb())) {
      return "";
    }
    if (writesOwnObjectOnly(info) && !info.name().isEmpty() && !info.name().equals(node)) {
      return "node \"" + node + "\" cannot modify " + info.resource() + " \"" + info.name() + "\"";
    }
    return null;
  }

  private static boolean writesOwnObjectOnly(RequestInfo info) {
    if (READ.contains(info.verb())) {
      return false;
    }
    return info.resource().equals("nodes")
        || (info.resource().equals("leases") && info.namespace().equals("kube-node-lease"));
  }
}
