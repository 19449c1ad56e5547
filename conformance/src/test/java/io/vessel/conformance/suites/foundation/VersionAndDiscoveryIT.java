package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.Text;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a user sees first: {@code kubectl version}, {@code cluster-info}, {@code api-resources}. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Version and discovery")
class VersionAndDiscoveryIT {

  private static final Pattern SERVER_VERSION =
      Pattern.compile("^Server Version: v1\\.(\\d+)\\.\\d+.*$");

  private final Cluster cluster;

  VersionAndDiscoveryIT(Cluster cluster) {
    this.cluster = cluster;
  }

  @ForEachKubectl
  @DisplayName(
      "kubectl version, supported client, prints a v1.33 server version"
          + " ([sig-cli] Kubectl client Kubectl version should check is all data is printed"
          + " [Conformance])")
  void versionPrintsServerVersion(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.run("version");

    // Then
    assertThat(result.exitCode()).as(() -> kubectl.explain(result)).isZero();
    assertThat(result.stdoutLines())
        .as(() -> kubectl.explain(result))
        .anyMatch(line -> line.startsWith("Client Version: v" + binary.version() + "."))
        .anyMatch(line -> line.startsWith("Server Version: v1.33."));
    int serverMinor = serverMinor(result.stdoutLines());
    assertThat(result.stderrLines())
        .as(() -> "only the skew warning kube-apiserver causes too\n" + kubectl.explain(result))
        .containsExactlyElementsOf(expectedSkewWarning(binary, serverMinor));
  }

  @ForEachKubectl
  @DisplayName(
      "kubectl cluster-info, running cluster, names the control plane URL ([sig-cli] Kubectl"
          + " client Kubectl cluster-info should check if Kubernetes control plane services is"
          + " included in cluster-info [Conformance])")
  void clusterInfoNamesControlPlane(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.succeed("cluster-info");

    // Then
    assertThat(Text.stripAnsi(result.stdout()))
        .as(() -> kubectl.explain(result))
        .contains("Kubernetes control plane is running at " + cluster.server());
    if (cluster instanceof LocalCluster local) {
      assertThat(cluster.server()).isEqualTo("https://127.0.0.1:" + local.port());
    }
  }

  @ForEachKubectl
  @DisplayName("kubectl api-resources, running cluster, lists namespaces and services")
  void apiResourcesListsCoreResources(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.succeed("api-resources");

    // Then
    var rows = result.stdoutLines().stream().map(Text::squeeze).toList();
    assertThat(rows)
        .as(() -> kubectl.explain(result))
        .startsWith("NAME SHORTNAMES APIVERSION NAMESPACED KIND")
        .contains("namespaces ns v1 false Namespace", "services svc v1 true Service");
  }

  private static int serverMinor(List<String> stdout) {
    return stdout.stream()
        .map(SERVER_VERSION::matcher)
        .filter(Matcher::matches)
        .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Server Version line in " + stdout));
  }

  /**
   * kubectl warns when client and server are more than one minor apart (kubectl {@code
   * pkg/cmd/version/skew_warning.go}); a real kube-apiserver 1.33 causes the same line for 1.28.
   */
  private static List<String> expectedSkewWarning(KubectlBinary binary, int serverMinor) {
    if (Math.abs(binary.minor() - serverMinor) <= 1) {
      return List.of();
    }
    return List.of(
        "WARNING: version difference between client ("
            + binary.version()
            + ") and server (1."
            + serverMinor
            + ") exceeds the supported minor version skew of +/-1");
  }
}
