package io.vessel.conformance.suites.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.Result;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One kubectl working in a namespace of its own, as a user with {@code -n NS} on every command: the
 * namespace is created with {@code kubectl create ns} and deleted after the test by {@link
 * TestNamespaces}.
 *
 * <p>Threading: used from the JUnit thread only.
 */
final class UserNamespace {

  private final Kubectl kubectl;
  private final String name;

  private UserNamespace(Kubectl kubectl, String name) {
    this.kubectl = kubectl;
    this.name = name;
  }

  /** Creates a fresh namespace {@code prefix-xxxxx} with {@code binary}. */
  static UserNamespace create(
      Cluster cluster, TestNamespaces namespaces, KubectlBinary binary, String prefix) {
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName(prefix);
    kubectl.succeed("create", "ns", name);
    return new UserNamespace(kubectl, name);
  }

  /** The namespace name. */
  String name() {
    return name;
  }

  /** The kubectl bound to the cluster, without {@code -n}. */
  Kubectl kubectl() {
    return kubectl;
  }

  /** {@code kubectl args... -n NS}. */
  Result run(String... args) {
    return kubectl.run(withNamespace(args));
  }

  /** {@code kubectl args... -n NS} that must exit 0 with an empty stderr. */
  Result succeed(String... args) {
    return kubectl.succeed(withNamespace(args));
  }

  /** {@code kubectl args... -n NS} with extra environment variables such as KUBE_EDITOR. */
  Result runWithEnvironment(Map<String, String> environment, String... args) {
    return kubectl.runWithEnvironment(environment, withNamespace(args));
  }

  /** {@code kubectl apply -n NS -f -} with {@code manifest} on stdin; must succeed quietly. */
  Result apply(String manifest) {
    return stdin(manifest, "apply", "-f", "-").expectSuccess();
  }

  /**
   * Waits until the Deployment controller is done with {@code deploy/NAME}: its status observed
   * the current generation, counts every replica, and the object stopped changing. A user's read
   * followed by a write (edit, replace) only expects no conflict against a settled object; on any
   * cluster the controller's own status writes come after {@code apply} returns.
   */
  void awaitDeploymentSettled(String deployment) {
    var last = new String[] {""};
    Await.untilAsserted(
        "deploy/" + deployment + " settled",
        () -> {
          var d = getJson("deploy", deployment);
          String rv = d.at("/metadata/resourceVersion").asText();
          String previous = last[0];
          last[0] = rv;
          org.assertj.core.api.Assertions.assertThat(d.at("/status/observedGeneration").asLong())
              .isEqualTo(d.at("/metadata/generation").asLong());
          org.assertj.core.api.Assertions.assertThat(d.at("/status/replicas").asInt())
              .isEqualTo(d.at("/spec/replicas").asInt());
          org.assertj.core.api.Assertions.assertThat(rv).isEqualTo(previous);
        });
  }

  /** {@code kubectl args... -n NS} with {@code text} on stdin. */
  Result stdin(String text, String... args) {
    return kubectl.run(Kubectl.DEFAULT_TIMEOUT, text, withNamespace(args));
  }

  /** {@code kubectl get KIND NAME -n NS -o json}, parsed. */
  JsonNode getJson(String kind, String objectName) {
    return Json.parse(succeed("get", kind, objectName, "-o", "json").stdout());
  }

  /** Stdout lines with column padding collapsed to one space. */
  static List<String> rows(Result result) {
    return result.stdoutLines().stream().map(Text::squeeze).toList();
  }

  /** The result and the cluster's diagnostics, for assertion messages. */
  String explain(Result result) {
    return kubectl.explain(result);
  }

  private String[] withNamespace(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.add("-n");
    all.add(name);
    return all.toArray(String[]::new);
  }
}
