package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other ways a user changes an object: {@code edit}, {@code set image}, {@code scale}, {@code
 * replace}.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl edit, set image, scale, replace")
class KubectlUpdateIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;
  @TempDir Path scratch;

  KubectlUpdateIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("edit, editor changes the image, prints edited and the new image is stored")
  void editChangesObject(KubectlBinary binary) throws IOException {
    // Given: an "editor" that rewrites the image in the file kubectl hands it
    var ns = UserNamespace.create(cluster, namespaces, binary, "edit");
    ns.apply(Manifests.WEB_APP);
    ns.awaitDeploymentSettled("web");
    var editor = script("edit-image.sh", "sed -i 's/image: nginx:1.25/image: nginx:1.26/' \"$1\"");

    // When
    var result =
        ns.runWithEnvironment(Map.of("KUBE_EDITOR", editor.toString()), "edit", "deploy", "web");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web edited\n");
    var deployment = ns.getJson("deploy", "web");
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx:1.26");
    assertThat(deployment.at("/metadata/generation").asInt()).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("edit, editor changes nothing, says Edit cancelled and leaves the object alone")
  void editWithoutChangeIsCancelled(KubectlBinary binary) throws IOException {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "edit");
    ns.apply(Manifests.WEB_APP);
    ns.awaitDeploymentSettled("web");
    var before = ns.getJson("deploy", "web").at("/metadata/resourceVersion").asText();
    var editor = script("no-op.sh", "true");

    // When
    var result =
        ns.runWithEnvironment(Map.of("KUBE_EDITOR", editor.toString()), "edit", "deploy", "web");

    // Then: kubectl writes this to stderr
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo("Edit cancelled, no changes made.\n");
    assertThat(ns.getJson("deploy", "web").at("/metadata/resourceVersion").asText())
        .isEqualTo(before);
  }

  @ForEachKubectl
  @DisplayName("edit, editor makes it invalid, reopens with the server's causes and then gives up")
  void editInvalidReopensWithCauses(KubectlBinary binary) throws IOException {
    // Given: an editor that keeps a copy of each file it is handed, then breaks the replicas;
    // the second time the file already says -1, so the user "saves without fixing it"
    var ns = UserNamespace.create(cluster, namespaces, binary, "edit");
    ns.apply(Manifests.WEB_APP);
    ns.awaitDeploymentSettled("web");
    var seen = Files.createDirectories(scratch.resolve("seen"));
    var editor =
        script(
            "break-replicas.sh",
            "cp \"$1\" \""
                + seen
                + "/$(ls "
                + seen
                + " | wc -l).yaml\"\n"
                + "sed -i 's/replicas: 2/replicas: -1/' \"$1\"");

    // When
    var result =
        ns.runWithEnvironment(
            Map.of("KUBE_EDITOR", editor.toString(), "TMPDIR", scratch.toString()),
            "edit",
            "deploy",
            "web");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderrLines())
        .as(() -> ns.explain(result))
        .satisfiesExactly(
            line -> assertThat(line).isEqualTo("error: deployments.apps \"web\" is invalid"),
            line -> assertThat(line).startsWith("A copy of your changes has been stored to \""),
            line ->
                assertThat(line).isEqualTo("error: Edit cancelled, no valid changes were saved."));
    var reopened = Files.readString(seen.resolve("1.yaml"));
    assertThat(reopened)
        .as(reopened)
        .contains(
            "# deployments.apps \"web\" was not valid:\n"
                + "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n");
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("set image, deployment container, prints image updated and stores the image")
  void setImageUpdatesTemplate(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "setimage");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("set", "image", "deployment/web", "nginx=nginx:1.27");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web image updated\n");
    var wide = ns.succeed("get", "deploy", "web", "-o", "wide");
    assertThat(rows(wide).get(1))
        .as(() -> ns.explain(wide))
        .matches("web 0/2 \\d+ 0 \\S+ nginx nginx:1\\.27 app\\.kubernetes\\.io/name=web");
  }

  @ForEachKubectl
  @DisplayName("scale --replicas, deployment, prints scaled and get shows the new desired count")
  void scaleChangesReplicas(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "scale");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.succeed("scale", "deploy", "web", "--replicas=4");

    // Then
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web scaled\n");
    var table = ns.succeed("get", "deploy", "web");
    assertThat(rows(table).get(1)).as(() -> ns.explain(table)).matches("web 0/4 \\d+ 0 \\S+");
    var scale =
        ns.succeed(
            "get", "deploy", "web", "--subresource=scale", "-o", "jsonpath={.spec.replicas}");
    assertThat(scale.stdout()).as(() -> ns.explain(scale)).isEqualTo("4");
  }

  @ForEachKubectl
  @DisplayName("scale --current-replicas, wrong current count, fails and keeps the replicas")
  void scaleWithWrongPreconditionFails(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "scale");
    ns.apply(Manifests.WEB_APP);

    // When
    var result = ns.run("scale", "deploy", "web", "--replicas=5", "--current-replicas=1");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo("error: Expected replicas to be 1, was 2\n");
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @ForEachKubectl
  @DisplayName("replace -f, edited copy of the live object, prints replaced and stores it")
  void replaceStoresNewObject(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "replace");
    ns.apply(Manifests.WEB_APP);
    ns.awaitDeploymentSettled("web");
    var live = ns.succeed("get", "deploy", "web", "-o", "yaml").stdout();

    // When
    var result = ns.stdin(live.replace("replicas: 2", "replicas: 1"), "replace", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web replaced\n");
    assertThat(ns.getJson("deploy", "web").at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @ForEachKubectl
  @DisplayName("replace -f, copy with a stale resourceVersion, fails with Conflict as upstream")
  void replaceStaleConflicts(KubectlBinary binary) {
    // Given: a copy read before someone else's change
    var ns = UserNamespace.create(cluster, namespaces, binary, "replace");
    ns.apply(Manifests.WEB_APP);
    var stale = ns.succeed("get", "deploy", "web", "-o", "yaml").stdout();
    ns.succeed("label", "deploy", "web", "changed=yes");

    // When
    var result = ns.stdin(stale, "replace", "-f", "-");

    // Then
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isEqualTo(1);
    assertThat(result.stdout()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stderr())
        .as(() -> ns.explain(result))
        .isEqualTo(
            "Error from server (Conflict): error when replacing \"STDIN\": Operation cannot be"
                + " fulfilled on deployments.apps \"web\": the object has been modified; please"
                + " apply your changes to the latest version and try again\n");
  }

  @ForEachKubectl
  @DisplayName("replace -f, manifest without resourceVersion, overwrites unconditionally")
  void replaceFromManifestOverwrites(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "replace");
    ns.apply(Manifests.WEB_APP);
    ns.succeed("label", "deploy", "web", "changed=yes");

    // When
    var result = ns.stdin(Manifests.webApp(3, "nginx:1.25"), "replace", "-f", "-");

    // Then: a replace is a PUT of exactly the manifest, so the extra label is gone
    assertThat(result.exitCode()).as(() -> ns.explain(result)).isZero();
    assertThat(result.stderr()).as(() -> ns.explain(result)).isEmpty();
    assertThat(result.stdout())
        .as(() -> ns.explain(result))
        .isEqualTo("deployment.apps/web replaced\nservice/web replaced\n");
    var deployment = ns.getJson("deploy", "web");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/metadata/labels").has("changed")).isFalse();
  }

  private Path script(String name, String body) throws IOException {
    var file = scratch.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
