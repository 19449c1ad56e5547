package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestInfoParserTest {

  /** method, path, watch param → verb, group, version, namespace, resource, subresource, name. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/namespaces", false, "list", "", "v1", "", "namespaces", "", ""),
        Arguments.of("GET", "/api/v1/namespaces", true, "watch", "", "v1", "", "namespaces", "", ""),
        Arguments.of("GET", "/api/v1/namespaces/demo", false, "get", "", "v1", "demo", "namespaces", "", "demo"),
        Arguments.of("PUT", "/api/v1/namespaces/demo/finalize", false, "update", "", "v1", "demo", "namespaces", "finalize", "demo"),
        Arguments.of("PATCH", "/api/v1/namespaces/demo/status", false, "patch", "", "v1", "demo", "namespaces", "status", "demo"),
        Arguments.of("POST", "/api/v1/namespaces/demo/services", false, "create", "", "v1", "demo", "services", "", ""),
        Arguments.of("GET", "/api/v1/namespaces/demo/services/web", false, "get", "", "v1", "demo", "services", "", "web"),
        Arguments.of("DELETE", "/api/v1/namespaces/demo/services", false, "deletecollection", "", "v1", "demo", "services", "", ""),
        Arguments.of("DELETE", "/api/v1/namespaces/demo/services/web", false, "delete", "", "v1", "demo", "services", "", "web"),
        Arguments.of("GET", "/api/v1/services", false, "list", "", "v1", "", "services", "", ""),
        Arguments.of("GET", "/api/v1/watch/namespaces/demo/services", false, "watch", "", "v1", "demo", "services", "", ""),
        Arguments.of("GET", "/apis/apps/v1/namespaces/demo/deployments/web/scale", false, "get", "apps", "v1", "demo", "deployments", "scale", "web"),
        Arguments.of("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles", false, "list", "rbac.authorization.k8s.io", "v1", "", "clusterroles", "", ""));
  }

  @ParameterizedTest(name = "{0} {1} watch={2} → {3} {7}")
  @MethodSource("cases")
  void parses(
      String method,
      String path,
      boolean watch,
      String verb,
      String group,
      String version,
      String namespace,
      String resource,
      String subresource,
      String name) {
    RequestInfo info = RequestInfoParser.parse(method, path, watch);

    assertThat(info.resourceRequest()).isTrue();
    assertThat(info)
        .extracting(
            RequestInfo::verb,
            RequestInfo::group,
            RequestInfo::version,
            RequestInfo::namespace,
            RequestInfo::resource,
            RequestInfo::subresource,
            RequestInfo::name)
        .containsExactly(verb, group, version, namespace, resource, subresource, name);
  }

  @ParameterizedTest(name = "{0} is not a resource request")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"/", "/api", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1", "/version", "/healthz", "/foo/bar/baz"})
  void nonResource(String path) {
    assertThat(RequestInfoParser.parse("GET", path, false).resourceRequest()).isFalse();
  }
}
