package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl get -o json|yaml|jsonpath|custom-columns|name} on the acceptance manifests. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl get: output formats")
class KubectlGetOutputIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlGetOutputIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("get pod -o json, sidecar pod, shows both containers sharing the emptyDir, Pending")
  void jsonShowsPodAsStored(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.succeed("get", "pod", "web-logs", "-o", "json");

    // Then
    var pod = Json.parse(result.stdout());
    var explain = ns.explain(result);
    assertThat(pod.path("apiVersion").asText()).as(explain).isEqualTo("v1");
    assertThat(pod.path("kind").asText()).as(explain).isEqualTo("Pod");
    assertThat(pod.at("/metadata/namespace").asText()).as(explain).isEqualTo(ns.name());
    assertThat(pod.at("/metadata/labels/app.kubernetes.io~1part-of").asText())
        .as(explain)
        .isEqualTo("shop");
    var containers = pod.at("/spec/containers");
    assertThat(containers.size()).as(explain).isEqualTo(2);
    assertThat(containers.get(0).path("name").asText()).as(explain).isEqualTo("nginx");
    assertThat(containers.get(1).path("name").asText()).as(explain).isEqualTo("tail");
    assertThat(containers.get(0).at("/volumeMounts/0/name").asText()).as(explain).isEqualTo("logs");
    assertThat(containers.get(1).at("/volumeMounts/0/mountPath").asText())
        .as(explain)
        .isEqualTo("/logs");
    assertThat(pod.at("/spec/volumes/0/name").asText()).as(explain).isEqualTo("logs");
    assertThat(pod.at("/spec/volumes/0/emptyDir").isObject()).as(explain).isTrue();
    assertThat(pod.at("/status/phase").asText()).as(explain).isEqualTo("Pending");
  }

  @ForEachKubectl
  @DisplayName("get pods -o json, two pods, prints a v1 List of both")
  void jsonListIsList(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("get", "pods", "-o", "json");

    // Then
    var list = Json.parse(result.stdout());
    assertThat(list.path("apiVersion").asText()).as(ns.explain(result)).isEqualTo("v1");
    assertThat(list.path("kind").asText()).as(ns.explain(result)).isEqualTo("List");
    assertThat(list.path("items").findValuesAsText("name"))
        .as(ns.explain(result))
        .contains("configured", "web-logs");
    assertThat(list.path("items").size()).as(ns.explain(result)).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("get pod -o yaml, init container pod, shows subPath mounts and defaultMode 493")
  void yamlShowsInitContainerAndConfigMapVolume(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("get", "pod", "configured", "-o", "yaml");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .containsPattern("(?m)^kind: Pod$")
        .containsPattern("(?m)^  initContainers:\\n  - command:\\n    - /config/start.sh$")
        .containsPattern(
            "(?m)^    - mountPath: /config/start.sh\\n      name: config\\n"
                + "      subPath: start.sh$")
        .containsPattern(
            "(?m)^    - mountPath: /etc/app/app.properties\\n      name: config\\n"
                + "      subPath: app.properties$")
        .containsPattern(
            "(?m)^  - configMap:\\n      defaultMode: 493\\n      name: app-config\\n"
                + "    name: config$")
        // Pending, with or without the scheduler's PodScheduled=False (no nodes here), as upstream.
        .containsPattern("(?m)^status:\\n(?:  [a-zA-Z].*\\n|  - .*\\n|    .*\\n)*  phase: Pending$");
  }

  @ForEachKubectl
  @DisplayName("get pod -o jsonpath, container names, prints them space separated")
  void jsonPathPrintsNames(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.succeed("get", "pod", "web-logs", "-o", "jsonpath={.spec.containers[*].name}");

    // Then: no trailing newline, as jsonpath prints exactly the template
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("nginx tail");
  }

  @ForEachKubectl
  @DisplayName("get pods -o custom-columns, two pods, prints the chosen columns")
  void customColumnsPrintsChosenColumns(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result =
        ns.succeed(
            "get",
            "pods",
            "-o",
            "custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,"
                + "MODE:.spec.volumes[0].configMap.defaultMode");

    // Then
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .containsExactly(
            "NAME IMAGES MODE",
            "configured busybox:1.36 493",
            "web-logs nginx:1.25,busybox:1.36 <none>");
  }

  @ForEachKubectl
  @DisplayName("get pods,cm -o name, applied objects, prints kind/name per line")
  void nameOutputPrintsKindSlashName(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When: a label selector leaves out anything the cluster adds to a namespace by itself
    var result = ns.succeed("get", "pods,configmaps", "-l", "app.kubernetes.io/name", "-o", "name");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod/configured\npod/web-logs\nconfigmap/app-config\n");
  }

  @ForEachKubectl
  @DisplayName("get deploy -o name, applied web app, qualifies the kind with its group")
  void nameOutputQualifiesGroup(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "out");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("get", "deploy,svc", "-o", "name");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web\nservice/web\n");
  }
}
