package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Namespaces through kubectl: list, create, read back as YAML, label, delete. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Namespace lifecycle through kubectl")
class NamespaceLifecycleIT {

  /** Namespaces every cluster starts with. */
  private static final String[] SYSTEM_NAMESPACES = {
    "default", "kube-node-lease", "kube-public", "kube-system"
  };

  /** Namespace deletion waits for finalization, so it may take longer than other commands. */
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  NamespaceLifecycleIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName(
      "get ns, running cluster, shows a NAME STATUS AGE table with the system namespaces Active")
  void getListsSystemNamespaces(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);

    // When
    var result = kubectl.succeed("get", "ns");

    // Then
    var rows = result.stdoutLines().stream().map(Text::squeeze).toList();
    assertThat(rows).as(() -> kubectl.explain(result)).first().isEqualTo("NAME STATUS AGE");
    for (var name : SYSTEM_NAMESPACES) {
      assertThat(rows)
          .as(() -> "a row for " + name + "\n" + kubectl.explain(result))
          .anyMatch(row -> row.matches(name + " Active \\S+"));
    }
  }

  @ForEachKubectl
  @DisplayName("create ns, new name, prints namespace/NAME created")
  void createPrintsCreated(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("demo");

    // When
    var result = kubectl.succeed("create", "ns", name);

    // Then
    assertThat(result.stdout())
        .as(() -> kubectl.explain(result))
        .isEqualTo("namespace/" + name + " created\n");
    var read = cluster.rest().get("/api/v1/namespaces/" + name);
    assertThat(read.status()).as(read.describe()).isEqualTo(200);
  }

  @ForEachKubectl
  @DisplayName("get ns -o yaml, created namespace, shows server-set metadata, finalizer and phase")
  void getYamlShowsServerSetFields(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("demo");
    kubectl.succeed("create", "ns", name);

    // When
    var result = kubectl.succeed("get", "ns", name, "-o", "yaml");

    // Then: kubectl prints YAML with sorted keys and two-space indentation
    var yaml = result.stdout();
    assertThat(yaml)
        .as(() -> kubectl.explain(result))
        .containsPattern("(?m)^apiVersion: v1$")
        .containsPattern("(?m)^kind: Namespace$")
        .containsPattern("(?m)^metadata:$")
        .containsPattern("(?m)^  name: " + name + "$")
        .containsPattern(
            "(?m)^  uid: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        .containsPattern("(?m)^  resourceVersion: \"[^\"]+\"$")
        .containsPattern(
            "(?m)^  creationTimestamp: \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"$")
        .containsPattern("(?m)^  labels:\\n    kubernetes.io/metadata.name: " + name + "$")
        .containsPattern("(?m)^spec:\\n  finalizers:\\n  - kubernetes$")
        .containsPattern("(?m)^status:\\n  phase: Active$");
  }

  @ForEachKubectl
  @DisplayName("label ns, existing namespace, prints labeled and the label selects it")
  void labelAddsSelectableLabel(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("demo");
    kubectl.succeed("create", "ns", name);

    // When
    var result = kubectl.succeed("label", "ns", name, "team=a");

    // Then
    assertThat(result.stdout())
        .as(() -> kubectl.explain(result))
        .isEqualTo("namespace/" + name + " labeled\n");
    var selected = kubectl.succeed("get", "ns", "-l", "team=a", "-o", "name");
    assertThat(selected.stdoutLines())
        .as(() -> kubectl.explain(selected))
        .contains("namespace/" + name);
  }

  @ForEachKubectl
  @DisplayName("delete ns, existing namespace, prints deleted and get then reports NotFound")
  void deleteRemovesNamespace(KubectlBinary binary) {
    // Given
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("demo");
    kubectl.succeed("create", "ns", name);

    // When: kubectl waits until the namespace is gone (--wait defaults to true)
    var result = kubectl.run(DELETE_TIMEOUT, null, "delete", "ns", name);

    // Then
    assertThat(result.exitCode()).as(() -> kubectl.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> kubectl.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> kubectl.explain(result))
        .isEqualTo("namespace \"" + name + "\" deleted\n");
    var get = kubectl.run("get", "ns", name);
    assertThat(get.exitCode()).as(() -> kubectl.explain(get)).isEqualTo(1);
    assertThat(get.stdout()).as(() -> kubectl.explain(get)).isEmpty();
    assertThat(get.stderr())
        .as(() -> kubectl.explain(get))
        .isEqualTo("Error from server (NotFound): namespaces \"" + name + "\" not found\n");
  }
}
