package io.vessel.conformance.suites.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Declarative management: client-side {@code apply} (create, unchanged, configured), {@code diff}
 * against the live objects (a server-side dry run), {@code --dry-run=server}. Server-side apply is
 * in {@link KubectlServerSideApplyIT}.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl apply and diff")
class KubectlApplyIT {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlApplyIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("apply -f twice, second with more replicas, prints configured and stores the change")
  void applyTwiceConfigures(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "apply");
    var created = ns.apply(Manifests.WEB_APP);

    // When
    var changed = ns.apply(Manifests.webApp(3, "nginx:1.25"));

    // Then
    assertThat(created.stdout())
        .as(() -> ns.explain(created))
        .isEqualTo("deployment.apps/web created\nservice/web created\n");
    assertThat(changed.stdout())
        .as(() -> ns.explain(changed))
        .isEqualTo("deployment.apps/web configured\nservice/web unchanged\n");
    var deployment = ns.getJson("deploy", "web");
    assertThat(deployment.at("/spec/replicas").asInt()).as(deployment::toString).isEqualTo(3);
    assertThat(deployment.at("/metadata/generation").asInt()).as(deployment::toString).isEqualTo(2);
    var lastApplied =
        Json.parse(deployment.at("/metadata/annotations").path(LAST_APPLIED).asText());
    assertThat(lastApplied.at("/spec/replicas").asInt()).as(lastApplied::toString).isEqualTo(3);
    assertThat(lastApplied.at("/metadata/namespace").asText())
        .as(lastApplied::toString)
        .isEqualTo(ns.name());
    assertThat(lastApplied.has("status")).as(lastApplied::toString).isFalse();
  }

  @ForEachKubectl
  @DisplayName("apply -f, same manifest again, prints unchanged and keeps the resourceVersion")
  void applySameIsUnchanged(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "apply");
    ns.apply(Manifests.WEB_APP);
    ns.awaitDeploymentSettled("web");
    var before = ns.getJson("deploy", "web").at("/metadata/resourceVersion").asText();

    // When
    var again = ns.apply(Manifests.WEB_APP);

    // Then
    assertThat(again.stdout())
        .as(() -> ns.explain(again))
        .isEqualTo("deployment.apps/web unchanged\nservice/web unchanged\n");
    assertThat(ns.getJson("deploy", "web").at("/metadata/resourceVersion").asText())
        .isEqualTo(before);
  }

  @ForEachKubectl
  @DisplayName("apply -f, field removed from the manifest, removes it from the live object")
  void applyRemovesDroppedField(KubectlBinary binary) {
    // Given: the pod manifest's label env is dropped in the second version
    var ns = UserNamespace.create(cluster, namespaces, binary, "apply");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.apply(Manifests.SIDECAR_POD.replace("    env: production\n", ""));

    // Then: three-way merge: env was in last-applied, so it is deleted
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("pod/web-logs configured\n");
    var labels = ns.getJson("pod", "web-logs").at("/metadata/labels");
    assertThat(labels.has("env")).as(labels::toString).isFalse();
    assertThat(labels.path("app.kubernetes.io/name").asText())
        .as(labels::toString)
        .isEqualTo("web");
  }

  @ForEachKubectl
  @DisplayName("apply --dry-run=server, new objects, says created (server dry run), stores nothing")
  void applyServerDryRunStoresNothing(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "apply");

    // When
    var result = ns.stdin(Manifests.CONFIGURED_POD, "apply", "--dry-run=server", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "configmap/app-config created (server dry run)\npod/configured created (server dry"
                + " run)\n");
    var get = ns.run("get", "pods,configmaps", "-l", "app.kubernetes.io/name=configured");
    assertThat(get.stdout()).as(() -> ns.explain(get)).isEmpty();
    assertThat(get.stderr())
        .as(() -> ns.explain(get))
        .isEqualTo("No resources found in " + ns.name() + " namespace.\n");
  }

  @ForEachKubectl
  @DisplayName("diff -f, manifest equal to the live objects, exits 0 and prints nothing")
  void diffEqualExitsZero(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "diff");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.stdin(Manifests.WEB_APP, "diff", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
  }

  @ForEachKubectl
  @DisplayName("diff -f, manifest with more replicas, exits 1 with a unified diff of the change")
  void diffDifferentExitsOne(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "diff");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.stdin(Manifests.webApp(3, "nginx:1.25"), "diff", "-f", "-");

    // Then: only the deployment differs; the dry run also bumps generation
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    var lines = Text.lines(result.stdout());
    assertThat(lines)
        .as(() -> ns.explain(result))
        .anyMatch(
            line ->
                line.matches(
                    "diff -u -N \\S+/apps\\.v1\\.Deployment\\."
                        + ns.name()
                        + "\\.web \\S+/apps\\.v1\\.Deployment\\."
                        + ns.name()
                        + "\\.web"))
        .contains("-  replicas: 2", "+  replicas: 3", "-  generation: 1", "+  generation: 2")
        .noneMatch(line -> line.contains("v1.Service."));
    assertThat(lines.stream().filter(line -> line.matches("[-+] .*")))
        .as(() -> ns.explain(result))
        .hasSize(4);
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("diff -f, object not yet created, exits 1 and shows it as all added")
  void diffOfNewObjectShowsAdded(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "diff");

    // When
    var result = ns.stdin(Manifests.SIDECAR_POD, "diff", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(Text.lines(result.stdout()))
        .as(() -> ns.explain(result))
        .contains("+kind: Pod", "+  name: web-logs", "+  namespace: " + ns.name())
        .noneMatch(line -> line.startsWith("- "));
    var get = ns.run("get", "pod", "web-logs");
    assertThat(get.exitCode()).as(() -> ns.explain(get)).isEqualTo(1);
  }
}
