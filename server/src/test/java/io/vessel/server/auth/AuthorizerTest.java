package io.vessel.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vessel.server.api.ApiException;
import io.vessel.server.http.RequestInfo;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
  private final Authorizer authorizer = new Authorizer();
  private final UserInfo node =
      new UserInfo("system:node:n1", List.of("system:nodes", "system:authenticated"));

  private static RequestInfo request(
      String verb, String group, String namespace, String resource, String sub, String name) {
    return new RequestInfo(
        true, verb, group.isEmpty() ? "api" : "apis", group, "v1", namespace, resource, sub, name);
  }

  @Test
  @DisplayName("node agent, its own Node, Lease and pod statuses, allowed")
  void ownWrites() {
    assertThatCode(
            () -> {
              authorizer.authorize(node, request("patch", "", "", "nodes", "status", "n1"));
              authorizer.authorize(
                  node, request("update", "coordination.k8s.io", "kube-node-lease", "leases", "", "n1"));
              authorizer.authorize(node, request("watch", "", "", "pods", "", ""));
              authorizer.authorize(node, request("patch", "", "default", "pods", "status", "web"));
            })
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("node agent, another node's status, 403 saying why")
  void otherNode() {
    assertThatThrownBy(
            () -> authorizer.authorize(node, request("patch", "", "", "nodes", "status", "n2")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getMessage())
                    .isEqualTo(
                        "nodes \"n2\" is forbidden: User \"system:node:n1\" cannot patch resource"
                            + " \"nodes/status\" in API group \"\" at the cluster scope: node"
                            + " \"n1\" cannot modify nodes \"n2\""));
  }

  @Test
  @DisplayName("node agent, creating a Deployment, 403")
  void notKubeletWork() {
    assertThatThrownBy(
            () ->
                authorizer.authorize(
                    node, request("create", "apps", "default", "deployments", "", "")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("cannot create resource \"deployments\" in API group \"apps\"");
  }

  @Test
  @DisplayName("a user in system:nodes with a name that is not a node's, 403")
  void notANodeName() {
    var impostor = new UserInfo("mallory", List.of("system:nodes"));
    assertThatThrownBy(() -> authorizer.authorize(impostor, request("list", "", "", "pods", "", "")))
        .isInstanceOf(ApiException.class);
  }
}
