package io.vessel.conformance.suites.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.BackgroundProcess;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl get -w} left running while another kubectl changes things. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl get -w")
class KubectlWatchIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlWatchIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("get pods -w, pod labelled and another created, prints a row for each change")
  void watchListPrintsChanges(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "watch");
    ns.apply(Manifests.SIDECAR_POD);
    try (var watch = ns.kubectl().start("get", "pods", "-n", ns.name(), "-w")) {
      Await.untilAsserted(
          "the watch prints the table header and web-logs",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .contains("NAME READY STATUS RESTARTS AGE")
                  .anyMatch(row -> row.matches("web-logs 0/2 Pending 0 \\S+")));

      // When
      ns.succeed("label", "pod", "web-logs", "tier=front");
      ns.apply(Manifests.CONFIGURED_POD);

      // Then: the label change is a second web-logs row, the new pod a row of its own
      Await.untilAsserted(
          "the watch prints web-logs again and then configured",
          () -> {
            var rows = rows(watch);
            assertThat(rows.stream().filter(row -> row.startsWith("web-logs ")))
                .as(watch::describe)
                .hasSize(2);
            assertThat(rows)
                .as(watch::describe)
                .anyMatch(row -> row.matches("configured 0/1 Pending 0 \\S+"));
          });
      assertThat(rows(watch))
          .as(watch::describe)
          .first()
          .isEqualTo("NAME READY STATUS RESTARTS AGE");
      assertThat(watch.isAlive()).as(watch::describe).isTrue();
      assertThat(watch.stderrLines()).as(watch::describe).isEmpty();
    }
  }

  @ForEachKubectl
  @DisplayName("get pod NAME -w --output-watch-events, pod annotated, prints ADDED then MODIFIED")
  void watchSingleObjectPrintsEvents(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "watch");
    ns.apply(Manifests.SIDECAR_POD);
    try (var watch =
        ns.kubectl()
            .start("get", "pod", "web-logs", "-n", ns.name(), "-w", "--output-watch-events")) {
      Await.untilAsserted(
          "the watch prints web-logs as ADDED",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("ADDED web-logs 0/2 Pending 0 \\S+")));

      // When
      ns.succeed("annotate", "pod", "web-logs", "note=watched");

      // Then
      Await.untilAsserted(
          "the watch prints web-logs as MODIFIED",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("MODIFIED web-logs 0/2 Pending 0 \\S+")));
      assertThat(rows(watch))
          .as(watch::describe)
          .first()
          .isEqualTo("EVENT NAME READY STATUS RESTARTS AGE");
      assertThat(watch.stderrLines()).as(watch::describe).isEmpty();
    }
  }

  @ForEachKubectl
  @DisplayName("get pods -w --output-watch-events, pod deleted, prints DELETED with its last row")
  void watchShowsDeletion(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "watch");
    ns.apply(Manifests.SIDECAR_POD);
    try (var watch =
        ns.kubectl().start("get", "pods", "-n", ns.name(), "-w", "--output-watch-events")) {
      Await.untilAsserted(
          "the watch prints web-logs as ADDED",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("ADDED web-logs 0/2 Pending 0 \\S+")));

      // When
      var delete = ns.succeed("delete", "pod", "web-logs");

      // Then
      assertThat(delete.stdout())
          .as(() -> ns.explain(delete))
          .isEqualTo("pod \"web-logs\" deleted\n");
      Await.untilAsserted(
          "the watch prints web-logs as DELETED",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("DELETED web-logs 0/2 Pending 0 \\S+")));
      assertThat(watch.stderrLines()).as(watch::describe).isEmpty();
    }
  }

  @ForEachKubectl
  @DisplayName("get deploy -w, deployment scaled, prints a row with the new desired count")
  void watchDeploymentShowsScale(KubectlBinary binary) {
    // Given
    var ns = UserNamespace.create(cluster, namespaces, binary, "watch");
    ns.apply(Manifests.WEB_APP);
    try (var watch = ns.kubectl().start("get", "deploy", "-n", ns.name(), "-w")) {
      Await.untilAsserted(
          "the watch prints web with 0/2",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("web 0/2 \\d+ 0 \\S+")));

      // When
      ns.succeed("scale", "deploy", "web", "--replicas=3");

      // Then
      Await.untilAsserted(
          "the watch prints web with 0/3",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("web 0/3 \\d+ 0 \\S+")));
      assertThat(watch.stderrLines()).as(watch::describe).isEmpty();
    }
  }

  private static List<String> rows(BackgroundProcess watch) {
    return watch.stdoutLines().stream().map(Text::squeeze).toList();
  }
}
