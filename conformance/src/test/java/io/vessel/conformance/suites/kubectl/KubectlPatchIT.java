package io.vessel.conformance.suites.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl patch} with each {@code --type} on the web deployment. The same patch body shows
 * the difference: strategic merge merges containers by name, JSON merge replaces the list.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl patch")
class KubectlPatchIT {

  private static final String NEW_IMAGE =
      "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\","
          + "\"image\":\"nginx:1.27\"}]}}}}";

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlPatchIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("patch, default strategic type, merges the container by name and keeps its ports")
  void strategicPatchMergesContainers(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("patch", "deploy", "web", "-p", NEW_IMAGE);

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web patched\n");
    var container = ns.getJson("deploy", "web").at("/spec/template/spec/containers/0");
    assertThat(container.path("image").asText()).as(container::toString).isEqualTo("nginx:1.27");
    assertThat(container.at("/ports/0/containerPort").asInt())
        .as(container::toString)
        .isEqualTo(80);
  }

  @ForEachKubectl
  @DisplayName("patch --type=merge, container list, replaces the list so the ports are gone")
  void mergePatchReplacesLists(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("patch", "deploy", "web", "--type=merge", "-p", NEW_IMAGE);

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web patched\n");
    var container = ns.getJson("deploy", "web").at("/spec/template/spec/containers/0");
    assertThat(container.path("image").asText()).as(container::toString).isEqualTo("nginx:1.27");
    assertThat(container.has("ports")).as(container::toString).isFalse();
  }

  @ForEachKubectl
  @DisplayName("patch --type=merge, label already set, says patched (no change)")
  void mergePatchWithoutChangeSaysNoChange(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);
    var labels = "{\"metadata\":{\"labels\":{\"patched\":\"merge\"}}}";
    ns.succeed("patch", "deploy", "web", "--type=merge", "-p", labels);

    // When
    var result = ns.succeed("patch", "deploy", "web", "--type=merge", "-p", labels);

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web patched (no change)\n");
  }

  @ForEachKubectl
  @DisplayName("patch --type=json, replace replicas, sets them and a repeat says (no change)")
  void jsonPatchReplaces(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);
    var patch = "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]";

    // When
    var first = ns.succeed("patch", "deploy", "web", "--type=json", "-p", patch);
    var second = ns.succeed("patch", "deploy", "web", "--type=json", "-p", patch);

    // Then
    assertThat(first.stdout())
        .as(() -> ns.explain(first))
        .isEqualTo("deployment.apps/web patched\n");
    assertThat(second.stdout())
        .as(() -> ns.explain(second))
        .isEqualTo("deployment.apps/web patched (no change)\n");
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(3);
  }

  @ForEachKubectl
  @DisplayName("patch --type=json, failing test op, fails as invalid and changes nothing")
  void jsonPatchFailingTestIsInvalid(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);
    var patch =
        "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":9},"
            + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]";

    // When
    var result = ns.run("patch", "deploy", "web", "--type=json", "-p", patch);

    // Then: upstream hides the test failure behind the generic 422 message
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "The request is invalid: the server rejected our request due to an error in our"
                + " request\n");
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("patch --type=json, pod container image by index, updates the running spec")
  void jsonPatchOnPodImage(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.SIDECAR_POD);
    var patch =
        "[{\"op\":\"replace\",\"path\":\"/spec/containers/1/image\",\"value\":\"busybox:1.37\"}]";

    // When
    var result = ns.succeed("patch", "pod", "web-logs", "--type=json", "-p", patch);

    // Then
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("pod/web-logs patched\n");
    var containers = ns.getJson("pod", "web-logs").at("/spec/containers");
    assertThat(containers.get(1).path("image").asText()).isEqualTo("busybox:1.37");
    assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:1.25");
  }

  @ForEachKubectl
  @DisplayName("patch, service port by its port number, merges targetPort into the named port")
  void strategicPatchMergesServicePortsByPort(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);

    // When: service ports merge on "port", so name and protocol stay
    var result =
        ns.succeed(
            "patch",
            "svc",
            "web",
            "-p",
            "{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080}]}}");

    // Then
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("service/web patched\n");
    var ports = ns.getJson("svc", "web").at("/spec/ports");
    assertThat(ports.size()).as(ports::toString).isEqualTo(1);
    assertThat(ports.get(0).path("name").asText()).as(ports::toString).isEqualTo("http");
    assertThat(ports.get(0).path("protocol").asText()).as(ports::toString).isEqualTo("TCP");
    assertThat(ports.get(0).path("targetPort").asInt()).as(ports::toString).isEqualTo(8080);
  }

  @ForEachKubectl
  @DisplayName("patch, strategy type Recreate without $retainKeys, fails as Invalid like upstream")
  void strategicPatchKeepsRollingUpdateWithoutRetainKeys(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);

    // When: the merged strategy still carries the defaulted rollingUpdate
    var result =
        ns.run("patch", "deploy", "web", "-p", "{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be"
                + " specified when strategy `type` is 'Recreate'\n");
  }

  @ForEachKubectl
  @DisplayName("patch, strategy with $retainKeys, drops rollingUpdate and switches to Recreate")
  void strategicPatchRetainKeysSwitchesStrategy(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "patch");
    ns.apply(Manifests.WEB_APP);

    // When
    var result =
        ns.succeed(
            "patch",
            "deploy",
            "web",
            "-p",
            "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web patched\n");
    var strategy = ns.getJson("deploy", "web").at("/spec/strategy");
    assertThat(strategy.path("type").asText()).as(strategy::toString).isEqualTo("Recreate");
    assertThat(strategy.has("rollingUpdate")).as(strategy::toString).isFalse();
  }
}
