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
 * {@code kubectl delete} by name, by label, {@code --all} and {@code --dry-run=server}. The pods
 * were never scheduled, so upstream deletes them at once (no grace period to wait out).
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl delete")
class KubectlDeleteIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlDeleteIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("delete pod NAME, unscheduled pod, prints deleted and get then says NotFound")
  void deleteByName(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.SIDECAR_POD);

    // When: kubectl waits until the pod is gone (--wait defaults to true)
    var result = ns.succeed("delete", "pod", "web-logs");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod \"web-logs\" deleted\n");
    var get = ns.run("get", "pod", "web-logs");
    assertThat(get.exitCode()).as(() -> ns.explain(get)).isEqualTo(1);
    assertThat(get.stdout()).as(() -> ns.explain(get)).isEmpty();
    assertThat(get.stderr())
        .as(() -> ns.explain(get))
        .isEqualTo("Error from server (NotFound): pods \"web-logs\" not found\n");
  }

  @ForEachKubectl
  @DisplayName("delete deploy,svc NAME, web app, prints one deleted line per object")
  void deleteSeveralKinds(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("delete", "deploy,svc", "web");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps \"web\" deleted\nservice \"web\" deleted\n");
    var left = ns.run("get", "deploy,svc");
    assertThat(left.stdout()).as(() -> ns.explain(left)).isEmpty();
    assertThat(left.stderr())
        .as(() -> ns.explain(left))
        .isEqualTo("No resources found in " + ns.name() + " namespace.\n");
  }

  @ForEachKubectl
  @DisplayName("delete pod -l, one pod matches, deletes only that pod")
  void deleteByLabel(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("delete", "pod", "-l", "env=qa");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod \"configured\" deleted\n");
    var left = ns.succeed("get", "pods", "-o", "name");
    assertThat(left.stdout()).as(() -> ns.explain(left)).isEqualTo("pod/web-logs\n");
  }

  @ForEachKubectl
  @DisplayName("delete pod -l, nothing matches, exits 0 and says No resources found")
  void deleteByLabelMatchingNothing(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.run("delete", "pod", "-l", "env=staging");

    // Then: unlike get, delete prints this notice on stdout, without the namespace
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("No resources found\n");
    assertThat(ns.succeed("get", "pods", "-o", "name").stdout()).isEqualTo("pod/web-logs\n");
  }

  @ForEachKubectl
  @DisplayName("delete pods --all, two pods, deletes both and the namespace is then empty")
  void deleteAll(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("delete", "pods", "--all");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod \"configured\" deleted\npod \"web-logs\" deleted\n");
    var left = ns.run("get", "pods");
    assertThat(left.exitCode()).as(() -> ns.explain(left)).isZero();
    assertThat(left.stdout()).as(() -> ns.explain(left)).isEmpty();
    assertThat(left.stderr())
        .as(() -> ns.explain(left))
        .isEqualTo("No resources found in " + ns.name() + " namespace.\n");
    var configMap = ns.succeed("get", "cm", "app-config", "-o", "name");
    assertThat(configMap.stdout())
        .as(() -> ns.explain(configMap))
        .isEqualTo("configmap/app-config\n");
  }

  @ForEachKubectl
  @DisplayName("delete --dry-run=server, existing pod, says so and the pod is still there")
  void deleteDryRunKeepsObject(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");
    ns.apply(Manifests.SIDECAR_POD);
    var uid = ns.getJson("pod", "web-logs").at("/metadata/uid").asText();

    // When
    var result = ns.succeed("delete", "pod", "web-logs", "--dry-run=server");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod \"web-logs\" deleted (server dry run)\n");
    var pod = ns.getJson("pod", "web-logs");
    assertThat(pod.at("/metadata/uid").asText()).as(pod::toString).isEqualTo(uid);
    assertThat(pod.at("/metadata/deletionTimestamp").isMissingNode()).as(pod::toString).isTrue();
  }

  @ForEachKubectl
  @DisplayName("delete pod NAME, no such pod, fails with NotFound as upstream prints it")
  void deleteMissingFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "delete");

    // When
    var result = ns.run("delete", "pod", "nosuch");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo("Error from server (NotFound): pods \"nosuch\" not found\n");
  }
}
