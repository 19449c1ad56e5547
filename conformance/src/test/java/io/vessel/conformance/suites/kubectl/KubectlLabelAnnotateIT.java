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
 * {@code kubectl label} and {@code kubectl annotate}: add, refuse without {@code --overwrite},
 * overwrite, remove with {@code key-}, and {@code --resource-version} preconditions.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl label and annotate")
class KubectlLabelAnnotateIT {

  /** What kubectl prints for a stale resourceVersion on pod web-logs, as upstream words it. */
  private static final String POD_CONFLICT =
      "Error from server (Conflict): Operation cannot be fulfilled on pods \"web-logs\": the"
          + " object has been modified; please apply your changes to the latest version and try"
          + " again\n";

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlLabelAnnotateIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("label, add then change without and with --overwrite, then remove, as kubectl says")
  void labelLifecycle(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "label");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var added = ns.succeed("label", "pod", "web-logs", "tier=front");
    var refused = ns.run("label", "pod", "web-logs", "tier=back");
    var afterRefused = tier(ns);
    var overwritten = ns.succeed("label", "pod", "web-logs", "tier=back", "--overwrite");
    var afterOverwrite = tier(ns);
    var removed = ns.succeed("label", "pod", "web-logs", "tier-");

    // Then
    assertThat(added.stdout()).as(() -> ns.explain(added)).isEqualTo("pod/web-logs labeled\n");
    assertThat(refused.exitCode()).as(() -> ns.explain(refused)).isEqualTo(1);
    assertThat(refused.stderr())
        .as(() -> ns.explain(refused))
        .isEqualTo("error: 'tier' already has a value (front), and --overwrite is false\n");
    assertThat(afterRefused).isEqualTo("front");
    assertThat(overwritten.stdout())
        .as(() -> ns.explain(overwritten))
        .isEqualTo("pod/web-logs labeled\n");
    assertThat(afterOverwrite).isEqualTo("back");
    assertThat(removed.stdout())
        .as(() -> ns.explain(removed))
        .isEqualTo("pod/web-logs unlabeled\n");
    var labels = ns.getJson("pod", "web-logs").at("/metadata/labels");
    assertThat(labels.has("tier")).as(labels::toString).isFalse();
    assertThat(labels.path("env").asText()).as(labels::toString).isEqualTo("production");
  }

  @ForEachKubectl
  @DisplayName("label --resource-version, stale version, fails with Conflict and changes nothing")
  void labelWithStaleResourceVersionConflicts(KubectlBinary binary) {
    // Given: a resourceVersion that a later change made stale
    var ns = UserNamespace.create(cluster, namespaces, binary, "label");
    ns.apply(Manifests.SIDECAR_POD);
    var stale = resourceVersion(ns);
    ns.succeed("label", "pod", "web-logs", "tier=front");

    // When
    var result = ns.run("label", "pod", "web-logs", "owner=me", "--resource-version=" + stale);

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEqualTo(POD_CONFLICT);
    var labels = ns.getJson("pod", "web-logs").at("/metadata/labels");
    assertThat(labels.has("owner")).as(labels::toString).isFalse();
  }

  @ForEachKubectl
  @DisplayName("label --resource-version, current version, labels the pod")
  void labelWithCurrentResourceVersionWorks(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "label");
    ns.apply(Manifests.SIDECAR_POD);
    var current = resourceVersion(ns);

    // When
    var result =
        ns.succeed("label", "pod", "web-logs", "owner=me", "--resource-version=" + current);

    // Then
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEqualTo("pod/web-logs labeled\n");
    assertThat(ns.getJson("pod", "web-logs").at("/metadata/labels/owner").asText()).isEqualTo("me");
  }

  @ForEachKubectl
  @DisplayName("annotate, add then change without and with --overwrite, then remove")
  void annotateLifecycle(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "annotate");
    ns.apply(Manifests.WEB_APP);

    // When
    var added = ns.succeed("annotate", "deploy", "web", "owner=team-a");
    var refused = ns.run("annotate", "deploy", "web", "owner=team-b");
    var overwritten = ns.succeed("annotate", "deploy", "web", "owner=team-b", "--overwrite");
    var afterOverwrite = ns.getJson("deploy", "web").at("/metadata/annotations/owner").asText();
    var removed = ns.succeed("annotate", "deploy", "web", "owner-");

    // Then
    assertThat(added.stdout())
        .as(() -> ns.explain(added))
        .isEqualTo("deployment.apps/web annotated\n");
    assertThat(refused.exitCode()).as(() -> ns.explain(refused)).isEqualTo(1);
    assertThat(refused.stderr())
        .as(() -> ns.explain(refused))
        .isEqualTo(
            "error: --overwrite is false but found the following declared annotation(s):"
                + " 'owner' already has a value (team-a)\n");
    assertThat(overwritten.stdout())
        .as(() -> ns.explain(overwritten))
        .isEqualTo("deployment.apps/web annotated\n");
    assertThat(afterOverwrite).isEqualTo("team-b");
    assertThat(removed.stdout())
        .as(() -> ns.explain(removed))
        .isEqualTo("deployment.apps/web annotated\n");
    var annotations = ns.getJson("deploy", "web").at("/metadata/annotations");
    assertThat(annotations.has("owner")).as(annotations::toString).isFalse();
    assertThat(annotations.has("kubectl.kubernetes.io/last-applied-configuration"))
        .as(annotations::toString)
        .isTrue();
  }

  @ForEachKubectl
  @DisplayName("annotate --resource-version, stale version, fails with Conflict")
  void annotateWithStaleResourceVersionConflicts(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "annotate");
    ns.apply(Manifests.SIDECAR_POD);
    var stale = resourceVersion(ns);
    ns.succeed("annotate", "pod", "web-logs", "first=1");

    // When
    var result = ns.run("annotate", "pod", "web-logs", "second=2", "--resource-version=" + stale);

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEqualTo(POD_CONFLICT);
    var annotations = ns.getJson("pod", "web-logs").at("/metadata/annotations");
    assertThat(annotations.has("second")).as(annotations::toString).isFalse();
  }

  private static String tier(UserNamespace ns) {
    return ns.succeed("get", "pod", "web-logs", "-o", "jsonpath={.metadata.labels.tier}").stdout();
  }

  private static String resourceVersion(UserNamespace ns) {
    return ns.succeed("get", "pod", "web-logs", "-o", "jsonpath={.metadata.resourceVersion}")
        .stdout();
  }
}
