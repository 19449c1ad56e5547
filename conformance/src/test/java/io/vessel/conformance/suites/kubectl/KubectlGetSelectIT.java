package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which objects {@code kubectl get} lists: label and field selectors, chunking, sorting. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl get: selecting, chunking, sorting")
class KubectlGetSelectIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlGetSelectIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("get pods -l with in and !=, production and qa pods, lists both")
  void setBasedSelectorMatchesBoth(KubectlBinary binary) {
    // Given: web-logs has env=production, configured has env=qa; neither has label app
    var ns = UserNamespace.create(cluster, namespaces, binary, "sel");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("get", "pods", "-l", "env in (production,qa),app!=x", "-o", "name");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("pod/configured\npod/web-logs\n");
  }

  @ForEachKubectl
  @DisplayName("get pods -l with notin and !, one pod excluded each way, lists the other")
  void setBasedSelectorExcludes(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "sel");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var notIn = ns.succeed("get", "pods", "-l", "env notin (qa)", "-o", "name");
    var absent = ns.succeed("get", "pods", "-l", "!app.kubernetes.io/part-of", "-o", "name");

    // Then
    assertThat(notIn.stdout()).as(() -> ns.explain(notIn)).isEqualTo("pod/web-logs\n");
    assertThat(absent.stdout()).as(() -> ns.explain(absent)).isEqualTo("pod/configured\n");
  }

  @ForEachKubectl
  @DisplayName("get pods -l, nothing matches, exits 0 with No resources found on stderr")
  void selectorMatchingNothingSaysNoResources(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "sel");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.run("get", "pods", "-l", "env in (staging)");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(Text.lines(result.stderr()))
        .as(() -> ns.explain(result))
        .containsExactly("No resources found in " + ns.name() + " namespace.");
  }

  @ForEachKubectl
  @DisplayName("get pods --field-selector, phase and name, lists only the named Pending pod")
  void fieldSelectorMatchesPhaseAndName(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "sel");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var named =
        ns.succeed(
            "get", "pods", "--field-selector", "status.phase=Pending,metadata.name=web-logs");
    var notNamed =
        ns.succeed("get", "pods", "--field-selector", "metadata.name!=web-logs", "-o", "name");

    // Then
    assertThat(rows(named))
        .as(() -> ns.explain(named))
        .hasSize(2)
        .last()
        .matches(row -> row.matches("web-logs 0/2 Pending 0 \\S+"), "the web-logs row");
    assertThat(notNamed.stdout()).as(() -> ns.explain(notNamed)).isEqualTo("pod/configured\n");
  }

  @ForEachKubectl
  @DisplayName("get pods --field-selector, unsupported field, fails with BadRequest as upstream")
  void fieldSelectorOnUnsupportedFieldFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "sel");

    // When
    var result = ns.run("get", "pods", "--field-selector", "spec.foo=bar");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match"
                + " label selector \"\", field selector \"spec.foo=bar\": field label not"
                + " supported: spec.foo\n");
  }

  @ForEachKubectl
  @DisplayName("get cm --chunk-size=2, five config maps, pages three times and lists all five")
  void chunkSizePagesThroughEverything(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "chunk");
    var manifest = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      manifest.append(Manifests.rankedConfigMap("c" + i, "chunk", i));
    }
    ns.apply(manifest.toString());

    // When: -v=6 logs each request on stderr (1.28 as text, 1.33 structured), to prove that
    // kubectl did page
    var result = ns.run("get", "cm", "-l", "batch=chunk", "--chunk-size=2", "-v=6");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .hasSize(6)
        .first()
        .isEqualTo("NAME DATA AGE");
    assertThat(rows(result).subList(1, 6))
        .as(() -> ns.explain(result))
        .satisfiesExactly(
            row -> assertThat(row).matches("c1 1 \\S+"),
            row -> assertThat(row).matches("c2 1 \\S+"),
            row -> assertThat(row).matches("c3 1 \\S+"),
            row -> assertThat(row).matches("c4 1 \\S+"),
            row -> assertThat(row).matches("c5 1 \\S+"));
    var requests =
        result.stderrLines().stream()
            .filter(line -> line.contains("GET") && line.contains("/configmaps?"))
            .toList();
    assertThat(requests).as(() -> ns.explain(result)).hasSize(3);
    assertThat(requests.get(0)).as(() -> ns.explain(result)).doesNotContain("continue=");
    assertThat(requests.subList(1, 3))
        .as(() -> ns.explain(result))
        .allMatch(line -> line.contains("continue=") && line.contains("limit=2"));
  }

  @ForEachKubectl
  @DisplayName("get cm --sort-by=.data.rank, ranks out of name order, sorts rows by rank")
  void sortByOrdersRows(KubectlBinary binary) {
    // Given: names a, b, c carry ranks 3, 1, 2
    var ns = UserNamespace.create(cluster, namespaces, binary, "sort");
    ns.apply(
        Manifests.rankedConfigMap("s-a", "sort", 3)
            + Manifests.rankedConfigMap("s-b", "sort", 1)
            + Manifests.rankedConfigMap("s-c", "sort", 2));

    // When
    var table = ns.succeed("get", "cm", "-l", "batch=sort", "--sort-by=.data.rank");
    var names = ns.succeed("get", "cm", "-l", "batch=sort", "--sort-by=.data.rank", "-o", "name");

    // Then
    assertThat(rows(table))
        .as(() -> ns.explain(table))
        .satisfiesExactly(
            row -> assertThat(row).isEqualTo("NAME DATA AGE"),
            row -> assertThat(row).matches("s-b 1 \\S+"),
            row -> assertThat(row).matches("s-c 1 \\S+"),
            row -> assertThat(row).matches("s-a 1 \\S+"));
    assertThat(names.stdout())
        .as(() -> ns.explain(names))
        .isEqualTo("configmap/s-b\nconfigmap/s-c\nconfigmap/s-a\n");
  }
}
