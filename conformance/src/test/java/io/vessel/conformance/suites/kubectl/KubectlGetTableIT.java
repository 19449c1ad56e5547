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

/**
 * {@code kubectl get} human output: the server-side Table columns of pods, deployments and
 * services, {@code -o wide}, {@code --show-labels}, {@code -A}, and the empty-namespace message.
 *
 * <p>No nodes, no controllers and no ClusterIP allocator exist yet: pods are {@code Pending}, a
 * deployment's status counts stay 0, and the CLUSTER-IP cell is only required to be present.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl get: tables")
class KubectlGetTableIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlGetTableIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("apply -f, sidecar and init-container pods, prints one created line per object")
  void applyPrintsCreated(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");

    // When
    var sidecar = ns.apply(Manifests.SIDECAR_POD);
    var configured = ns.apply(Manifests.CONFIGURED_POD);

    // Then
    assertThat(sidecar.stdout()).as(() -> ns.explain(sidecar)).isEqualTo("pod/web-logs created\n");
    assertThat(configured.stdout())
        .as(() -> ns.explain(configured))
        .isEqualTo("configmap/app-config created\npod/configured created\n");
  }

  @ForEachKubectl
  @DisplayName("get pods, two Pending pods, shows NAME READY STATUS RESTARTS AGE with 0/2 and 0/1")
  void getPodsShowsTable(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When
    var result = ns.succeed("get", "pods");

    // Then
    var rows = rows(result);
    assertThat(rows).as(() -> ns.explain(result)).hasSize(3);
    assertThat(rows.get(0))
        .as(() -> ns.explain(result))
        .isEqualTo("NAME READY STATUS RESTARTS AGE");
    assertThat(rows.get(1)).as(() -> ns.explain(result)).matches("configured 0/1 Pending 0 \\S+");
    assertThat(rows.get(2)).as(() -> ns.explain(result)).matches("web-logs 0/2 Pending 0 \\S+");
  }

  @ForEachKubectl
  @DisplayName("get pods -o wide, unscheduled pod, adds IP NODE NOMINATED NODE READINESS GATES")
  void getPodsWideShowsPriorityColumns(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.succeed("get", "pods", "-o", "wide");

    // Then
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .hasSize(2)
        .first()
        .isEqualTo("NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES");
    assertThat(rows(result).get(1))
        .as(() -> ns.explain(result))
        .matches("web-logs 0/2 Pending 0 \\S+ <none> <none> <none> <none>");
  }

  @ForEachKubectl
  @DisplayName("get deploy,svc, applied web app, shows the deployment and service tables")
  void getDeploymentAndServiceShowsTables(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.WEB_APP);

    // When
    var deployments = ns.succeed("get", "deployments");
    var services = ns.succeed("get", "services");

    // Then: without a deployment controller UP-TO-DATE may be anything; nothing is available
    assertThat(rows(deployments))
        .as(() -> ns.explain(deployments))
        .hasSize(2)
        .first()
        .isEqualTo("NAME READY UP-TO-DATE AVAILABLE AGE");
    assertThat(rows(deployments).get(1))
        .as(() -> ns.explain(deployments))
        .matches("web 0/2 \\d+ 0 \\S+");
    assertThat(rows(services))
        .as(() -> ns.explain(services))
        .hasSize(2)
        .first()
        .isEqualTo("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE");
    assertThat(rows(services).get(1))
        .as(() -> ns.explain(services))
        .matches("web ClusterIP \\S+ <none> 80/TCP \\S+");
  }

  @ForEachKubectl
  @DisplayName("get deploy,svc -o wide, applied web app, adds containers, images and selectors")
  void getWideShowsWorkloadDetails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.WEB_APP);

    // When: two kinds at once print one table each, names qualified, a blank line between
    var result = ns.succeed("get", "deploy,svc", "-o", "wide");

    // Then
    var rows = rows(result);
    assertThat(rows)
        .as(() -> ns.explain(result))
        .hasSize(5)
        .element(0)
        .isEqualTo("NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR");
    assertThat(rows.get(1))
        .as(() -> ns.explain(result))
        .matches(
            "deployment\\.apps/web 0/2 \\d+ 0 \\S+ nginx nginx:1\\.25 app.kubernetes.io/name=web");
    assertThat(rows.get(2)).as(() -> ns.explain(result)).isEmpty();
    assertThat(rows.get(3))
        .as(() -> ns.explain(result))
        .isEqualTo("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR");
    assertThat(rows.get(4))
        .as(() -> ns.explain(result))
        .matches("service/web ClusterIP \\S+ <none> 80/TCP \\S+ app.kubernetes.io/name=web");
  }

  @ForEachKubectl
  @DisplayName("get all, pods, service and deployment, prints one table per kind of the category")
  void getAllPrintsEachKind(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.WEB_APP);

    // When: "all" is expanded from the categories in discovery
    var result = ns.succeed("get", "all");

    // Then: in upstream's order, pods, services, then apps kinds; no replica sets without
    // a deployment controller
    var rows = rows(result);
    assertThat(rows)
        .as(() -> ns.explain(result))
        .containsSubsequence(
            "NAME READY STATUS RESTARTS AGE",
            "",
            "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE",
            "",
            "NAME READY UP-TO-DATE AVAILABLE AGE");
    assertThat(rows)
        .as(() -> ns.explain(result))
        .anyMatch(row -> row.matches("pod/web-logs 0/2 Pending 0 \\S+"))
        .anyMatch(row -> row.matches("service/web ClusterIP \\S+ <none> 80/TCP \\S+"))
        .anyMatch(row -> row.matches("deployment\\.apps/web 0/2 \\d+ 0 \\S+"));
  }

  @ForEachKubectl
  @DisplayName("get pods --show-labels, recommended labels, appends a sorted LABELS column")
  void showLabelsAppendsLabels(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.succeed("get", "pods", "--show-labels");

    // Then
    assertThat(rows(result))
        .as(() -> ns.explain(result))
        .hasSize(2)
        .first()
        .isEqualTo("NAME READY STATUS RESTARTS AGE LABELS");
    assertThat(rows(result).get(1))
        .as(() -> ns.explain(result))
        .matches(
            "web-logs 0/2 Pending 0 \\S+ app.kubernetes.io/component=server,"
                + "app.kubernetes.io/instance=web-logs,app.kubernetes.io/managed-by=kubectl,"
                + "app.kubernetes.io/name=web,app.kubernetes.io/part-of=shop,"
                + "app.kubernetes.io/version=1.25,env=production");
  }

  @ForEachKubectl
  @DisplayName("get pods -A, pods in a namespace, adds a NAMESPACE column in front")
  void allNamespacesAddsNamespaceColumn(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");
    ns.apply(Manifests.SIDECAR_POD);
    ns.apply(Manifests.CONFIGURED_POD);

    // When: without -n; other tests' namespaces may show up too
    var result = ns.kubectl().succeed("get", "pods", "-A");

    // Then
    var rows = rows(result);
    assertThat(rows)
        .as(() -> ns.explain(result))
        .first()
        .isEqualTo("NAMESPACE NAME READY STATUS RESTARTS AGE");
    assertThat(rows.stream().filter(row -> row.startsWith(ns.name() + " ")))
        .as(() -> ns.explain(result))
        .hasSize(2)
        .anyMatch(row -> row.matches(ns.name() + " configured 0/1 Pending 0 \\S+"))
        .anyMatch(row -> row.matches(ns.name() + " web-logs 0/2 Pending 0 \\S+"));
  }

  @ForEachKubectl
  @DisplayName("get pods, empty namespace, exits 0 and says No resources found on stderr")
  void emptyNamespaceSaysNoResources(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "get");

    // When
    var result = ns.run("get", "pods");

    // Then: kubectl writes this notice to stderr, and nothing else
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(Text.lines(result.stderr()))
        .as(() -> ns.explain(result))
        .containsExactly("No resources found in " + ns.name() + " namespace.");
  }
}
