package io.vessel.conformance.suites.kubectl;

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

/** What kubectl prints when the server refuses a manifest, worded as kube-apiserver words it. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl create and apply: server errors")
class KubectlErrorsIT {

  /** A deployment whose template labels do not match its selector. */
  private static final String MISMATCHED_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app.kubernetes.io/name: web
        template:
          metadata:
            labels:
              app.kubernetes.io/name: other
          spec:
            containers:
            - name: nginx
              image: nginx:1.25
      """;

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlErrorsIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("create -f, pod exists already, fails with AlreadyExists naming the source")
  void createExistingFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "errors");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.stdin(Manifests.SIDECAR_POD, "create", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "Error from server (AlreadyExists): error when creating \"STDIN\": pods \"web-logs\""
                + " already exists\n");
  }

  @ForEachKubectl
  @DisplayName("apply -f, selector not matching template labels, fails as Invalid with the field")
  void applyInvalidDeploymentFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "errors");

    // When
    var result = ns.stdin(MISMATCHED_DEPLOYMENT, "apply", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "The Deployment \"web\" is invalid: spec.template.metadata.labels: Invalid value:"
                + " map[string]string{\"app.kubernetes.io/name\":\"other\"}: `selector` does not"
                + " match template `labels`\n");
    var get = ns.run("get", "deploy", "web");
    assertThat(get.exitCode()).as(() -> ns.explain(get)).isEqualTo(1);
  }

  @ForEachKubectl
  @DisplayName("apply -f, pod command changed, fails as Invalid: only some pod fields may change")
  void applyImmutablePodChangeFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "errors");
    ns.apply(Manifests.SIDECAR_POD);

    // When
    var result = ns.stdin(Manifests.SIDECAR_POD.replace("tail -F", "tail -f"), "apply", "-f", "-");

    // Then: upstream appends a cmp.Diff of the specs, whose format Go declares unstable; only
    // the first line is compared
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(Text.lines(result.stderr()))
        .as(() -> ns.explain(result))
        .first()
        .isEqualTo(
            "The Pod \"web-logs\" is invalid: spec: Forbidden: pod updates may not change fields"
                + " other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
                + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing"
                + " tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if"
                + " it was previously negative)");
  }

  @ForEachKubectl
  @DisplayName("create -f, unknown field, fails with BadRequest strict decoding error")
  void createWithUnknownFieldFails(KubectlBinary binary) {
    // Given: kubectl validates strictly by default (fieldValidation=Strict)
    var ns = UserNamespace.create(cluster, namespaces, binary, "errors");
    var typo =
        Manifests.SIDECAR_POD.replace(
            "  - name: nginx\n", "  - name: nginx\n    imagePullPolice: Always\n");

    // When
    var result = ns.stdin(typo, "create", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\""
                + " cannot be handled as a Pod: strict decoding error: unknown field"
                + " \"spec.containers[0].imagePullPolice\"\n");
  }
}
