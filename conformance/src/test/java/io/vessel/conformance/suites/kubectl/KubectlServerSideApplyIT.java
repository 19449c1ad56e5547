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
 * {@code kubectl apply --server-side}: create and change, conflicts between field managers, and the
 * upgrade of an object managed by client-side apply (manager {@code kubectl} only).
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl apply --server-side")
class KubectlServerSideApplyIT {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlServerSideApplyIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("apply --server-side, new then changed, prints serverside-applied and owns fields")
  void serverSideApply(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "ssa");

    // When
    var created = ns.stdin(Manifests.WEB_APP, "apply", "--server-side", "-f", "-");
    var changed = ns.stdin(Manifests.webApp(3, "nginx:1.25"), "apply", "--server-side", "-f", "-");

    // Then
    assertThat(created.exitCode()).as(() -> ns.explain(created)).isZero();
    assertThat(created.stderr()).as(() -> ns.explain(created)).isEmpty();
    assertThat(created.stdout())
        .as(() -> ns.explain(created))
        .isEqualTo("deployment.apps/web serverside-applied\nservice/web serverside-applied\n");
    assertThat(changed.exitCode()).as(() -> ns.explain(changed)).isZero();
    assertThat(changed.stderr()).as(() -> ns.explain(changed)).isEmpty();
    assertThat(changed.stdout())
        .as(() -> ns.explain(changed))
        .isEqualTo("deployment.apps/web serverside-applied\nservice/web serverside-applied\n");
    var deployment =
        Json.parse(
            ns.succeed("get", "deploy", "web", "-o", "json", "--show-managed-fields").stdout());
    assertThat(deployment.at("/spec/replicas").asInt()).as(deployment::toString).isEqualTo(3);
    assertThat(deployment.at("/metadata/annotations").has(LAST_APPLIED))
        .as(deployment::toString)
        .isFalse();
    var managers = deployment.at("/metadata/managedFields");
    assertThat(managers.findValuesAsText("manager")).as(managers::toString).contains("kubectl");
    var applied =
        managers.findParents("manager").stream()
            .filter(entry -> entry.path("manager").asText().equals("kubectl"))
            .findFirst()
            .orElseThrow();
    assertThat(applied.path("operation").asText()).as(applied::toString).isEqualTo("Apply");
    assertThat(applied.at("/fieldsV1/f:spec/f:replicas").isObject()).as(applied::toString).isTrue();
  }

  @ForEachKubectl
  @DisplayName("apply --server-side, other manager owns replicas, fails with the conflict named")
  void conflictingManagersFail(KubectlBinary binary) {
    // Given: alice applied replicas 2
    var ns = UserNamespace.create(cluster, namespaces, binary, "ssa");
    ns.stdin(Manifests.WEB_APP, "apply", "--server-side", "--field-manager=alice", "-f", "-")
        .expectSuccess();

    // When: bob applies replicas 3
    var bob = Manifests.webApp(3, "nginx:1.25");
    var result = ns.stdin(bob, "apply", "--server-side", "--field-manager=bob", "-f", "-");
    var forced =
        ns.stdin(
            bob, "apply", "--server-side", "--field-manager=bob", "--force-conflicts", "-f", "-");

    // Then: the service is identical, so shared; only the deployment conflicts
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("service/web serverside-applied\n");
    assertThat(Text.lines(result.stderr()))
        .as(() -> ns.explain(result))
        .first()
        .isEqualTo("error: Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas");
    assertThat(forced.exitCode()).as(() -> ns.explain(forced)).isZero();
    assertThat(forced.stderr()).as(() -> ns.explain(forced)).isEmpty();
    assertThat(forced.stdout())
        .as(() -> ns.explain(forced))
        .isEqualTo("deployment.apps/web serverside-applied\nservice/web serverside-applied\n");
    var deployment =
        Json.parse(
            ns.succeed("get", "deploy", "web", "-o", "json", "--show-managed-fields").stdout());
    assertThat(deployment.at("/spec/replicas").asInt()).as(deployment::toString).isEqualTo(3);
    for (var entry : deployment.at("/metadata/managedFields")) {
      var ownsReplicas = !entry.at("/fieldsV1/f:spec/f:replicas").isMissingNode();
      assertThat(ownsReplicas)
          .as("only bob owns .spec.replicas: %s", entry)
          .isEqualTo(entry.path("manager").asText().equals("bob"));
    }
  }

  @ForEachKubectl
  @DisplayName("apply --server-side, object from client-side apply, takes over without conflict")
  void upgradesClientSideApply(KubectlBinary binary) {
    // Given: a plain kubectl apply of replicas 2
    var ns = UserNamespace.create(cluster, namespaces, binary, "ssa");
    ns.apply(Manifests.WEB_APP);

    // When: the same user switches to server-side apply with replicas 3
    var result = ns.stdin(Manifests.webApp(3, "nginx:1.25"), "apply", "--server-side", "-f", "-");

    // Then: upstream allows conflicts on fields whose live value still equals
    // last-applied-configuration, and keeps that annotation up to date
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web serverside-applied\nservice/web serverside-applied\n");
    var deployment = ns.getJson("deploy", "web");
    assertThat(deployment.at("/spec/replicas").asInt()).as(deployment::toString).isEqualTo(3);
    var lastApplied =
        Json.parse(deployment.at("/metadata/annotations").path(LAST_APPLIED).asText());
    assertThat(lastApplied.at("/spec/replicas").asInt()).as(lastApplied::toString).isEqualTo(3);
  }
}
