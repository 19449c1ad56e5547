package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl describe} of the acceptance objects and {@code kubectl explain} from the served
 * OpenAPI. Lines are compared with column padding collapsed ({@link UserNamespace#rows}).
 *
 * <p>No scheduler and no controllers exist yet, so there are no events, no replica sets and no
 * status counts; those lines are not asserted.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl describe and explain")
class KubectlDescribeIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlDescribeIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("describe pod, sidecar pod, shows both containers, the shared emptyDir and Pending")
  void describeSidecarPod(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "desc");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.succeed("describe", "pod", "web-logs");

    // Then
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .containsSubsequence(
            "Name: web-logs",
            "Namespace: " + ns.name(),
            "Node: <none>",
            "Labels: app.kubernetes.io/component=server",
            "app.kubernetes.io/instance=web-logs",
            "env=production",
            "Status: Pending",
            "Containers:",
            "nginx:",
            "Image: nginx:1.25",
            "Port: 80/TCP",
            "/var/log/nginx from logs (rw)",
            "tail:",
            "Image: busybox:1.36",
            "tail -F /logs/access.log",
            "/logs from logs (rw)",
            "Volumes:",
            "logs:",
            "Type: EmptyDir (a temporary directory that shares a pod's lifetime)",
            "QoS Class: BestEffort");
  }

  @ForEachKubectl
  @DisplayName("describe pod, init container pod, shows Init Containers and subPath mounts")
  void describeInitContainerPod(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "desc");
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("describe", "pod", "configured");

    // Then
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .containsSubsequence(
            "Name: configured",
            "Status: Pending",
            "Init Containers:",
            "setup:",
            "/config/start.sh",
            "/config/start.sh from config (rw,path=\"start.sh\")",
            "Containers:",
            "app:",
            "/etc/app/app.properties from config (rw,path=\"app.properties\")",
            "Volumes:",
            "config:",
            "Type: ConfigMap (a volume populated by a ConfigMap)",
            "Name: app-config",
            "Optional: false");
  }

  @ForEachKubectl
  @DisplayName("describe deploy, web app, shows selector, desired replicas and pod template")
  void describeDeployment(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "desc");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("describe", "deploy", "web");

    // Then: the status counts come from a deployment controller, which does not exist yet
    var rows = rows(result);
    assertThat(rows)
        .as(() -> ns.explain(result))
        .containsSubsequence(
            "Name: web",
            "Namespace: " + ns.name(),
            "Selector: app.kubernetes.io/name=web",
            "StrategyType: RollingUpdate",
            "MinReadySeconds: 0",
            "RollingUpdateStrategy: 25% max unavailable, 25% max surge",
            "Pod Template:",
            "Labels: app.kubernetes.io/name=web",
            "nginx:",
            "Image: nginx:1.25",
            "Port: 80/TCP");
    assertThat(rows)
        .as(() -> ns.explain(result))
        .anyMatch(row -> row.matches("Replicas: 2 desired \\| \\d+ updated \\| \\d+ total .*"));
  }

  @ForEachKubectl
  @DisplayName("describe svc, web service, shows type, port and target port")
  void describeService(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "desc");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("describe", "svc", "web");

    // Then: IP lines are not asserted, since no ClusterIP allocator exists yet
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .containsSubsequence(
            "Name: web",
            "Namespace: " + ns.name(),
            "Labels: app.kubernetes.io/name=web",
            "Selector: app.kubernetes.io/name=web",
            "Type: ClusterIP",
            "Port: http 80/TCP",
            "TargetPort: 80/TCP",
            "Session Affinity: None");
  }

  @ForEachKubectl
  @DisplayName("explain pod.spec.containers, served OpenAPI, shows the field and its sub-fields")
  void explainShowsFields(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.succeed("explain", "pod.spec.containers");

    // Then
    assertThat(rows(result))
        .as(() -> kubectl.explain(result))
        .containsSubsequence(
            "KIND: Pod",
            "VERSION: v1",
            "FIELD: containers <[]Container>",
            "DESCRIPTION:",
            "FIELDS:",
            "args <[]string>",
            "command <[]string>",
            "image <string>",
            "name <string> -required-",
            "volumeMounts <[]VolumeMount>");
  }

  @Disabled(
      "server: OpenAPI schemas carry no descriptions; explain prints <empty>/<no description>")
  @ForEachKubectl
  @DisplayName("explain pod.spec.containers, served OpenAPI, shows upstream's field descriptions")
  void explainShowsDescriptions(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.succeed("explain", "pod.spec.containers");

    // Then: descriptions are wrapped, so compare the text with line breaks as spaces
    var text = String.join(" ", rows(result).stream().filter(row -> !row.isEmpty()).toList());
    assertThat(text)
        .as(() -> kubectl.explain(result))
        .contains("DESCRIPTION: List of containers belonging to the pod.")
        .contains("name <string> -required- Name of the container specified as a DNS_LABEL.")
        .doesNotContain("<empty>", "<no description>");
  }
}
