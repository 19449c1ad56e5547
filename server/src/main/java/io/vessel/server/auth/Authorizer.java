package io.vessel.server.auth;

import io.vessel.server.api.ApiException;
import io.vessel.server.api.GroupResource;
import io.vessel.server.http.RequestInfo;

/**
 * Decides whether a user may make a request. Until RBAC is served, members of system:masters (the
 * admin credential and the server's own loopback clients) may do anything, node agents what
 * {@link NodeRules} grants; every other request gets kube-apiserver's 403 wording.
 */
public final class Authorizer {

  public void authorize(UserInfo user, RequestInfo info) {
    if (user.inGroup(UserInfo.MASTERS)) {
      return;
    }
    String node = NodeRules.nodeName(user);
    String why = node == null ? "" : NodeRules.deny(node, info);
    if (why == null) {
      return;
    }
    if (!info.resourceRequest()) {
      throw new ApiException(
          403,
          "Forbidden",
          "forbidden: User \"" + user.name() + "\" cannot " + info.verb() + " path",
          ApiException.Details.NONE);
    }
    String resource = info.subresource().isEmpty() ? info.resource() : info.resource() + "/" + info.subresource();
    String scope =
        info.namespace().isEmpty() || info.resource().equals("namespaces")
            ? "at the cluster scope"
            : "in the namespace \"" + info.namespace() + "\"";
    throw ApiException.forbidden(
        new GroupResource(info.group(), info.resource()),
        info.name(),
        "User \""
            + user.name()
            + "\" cannot "
            + info.verb()
            + " resource \""
            + resource
            + "\" in API group \""
            + info.group()
            + "\" "
            + scope
            + (why.isEmpty() ? "" : ": " + why));
  }
}
