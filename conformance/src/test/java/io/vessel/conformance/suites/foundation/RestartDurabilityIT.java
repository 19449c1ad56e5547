package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vessel.conformance.harness.Clusters;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vessel down} then {@code vessel up} on the same state directory keeps every object. Needs
 * its own Vessel, so it is skipped against an external cluster.
 */
@Tag("api")
@DisplayName("Restart durability")
class RestartDurabilityIT {

  private static LocalCluster cluster;

  @RegisterExtension final TestNamespaces namespaces = new TestNamespaces(cluster);

  @BeforeAll
  static void startVessel() {
    assumeTrue(
        Clusters.externalKubeconfig().isEmpty(), "needs the launcher, not an external cluster");
    cluster = LocalCluster.start();
  }

  @AfterAll
  static void stopVessel() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ForEachKubectl
  @DisplayName(
      "get ns, after down and up on the same state dir, still shows the namespace with its uid and"
          + " label")
  void namespaceSurvivesRestart(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("keep-me");
    kubectl.succeed("create", "ns", name);
    kubectl.succeed("label", "ns", name, "kept=yes");
    var before = Json.parse(kubectl.succeed("get", "ns", name, "-o", "json").stdout());

    // When
    cluster.restart();

    // Then
    var list = kubectl.succeed("get", "ns");
    assertThat(list.stdoutLines().stream().map(Text::squeeze))
        .as(() -> kubectl.explain(list))
        .anyMatch(row -> row.matches(name + " Active \\S+"));
    var get = kubectl.succeed("get", "ns", name, "-o", "json");
    var after = Json.parse(get.stdout()).path("metadata");
    assertThat(after.path("uid"))
        .as(() -> kubectl.explain(get))
        .isEqualTo(before.path("metadata").path("uid"));
    assertThat(after.path("creationTimestamp"))
        .as(() -> kubectl.explain(get))
        .isEqualTo(before.path("metadata").path("creationTimestamp"));
    assertThat(after.path("labels").path("kept").asText())
        .as(() -> kubectl.explain(get))
        .isEqualTo("yes");
  }
}
