package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.BackgroundProcess;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import io.vessel.conformance.harness.Text;
import io.vessel.conformance.harness.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watching namespaces with a label selector while one is deleted: kubectl and raw HTTP. */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Namespace watch")
class NamespaceWatchIT {

  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  NamespaceWatchIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("get ns -l -w --output-watch-events, namespace deleted, shows ADDED then DELETED")
  void kubectlWatchShowsDeletion(KubectlBinary binary) {
    // Given: a labelled namespace and a watch on the label
    var kubectl = cluster.kubectl(binary);
    var name = namespaces.newName("demo");
    kubectl.succeed("create", "ns", name);
    kubectl.succeed("label", "ns", name, "team=a");
    try (var watch = kubectl.start("get", "ns", "-l", "team=a", "-w", "--output-watch-events")) {
      Await.untilAsserted(
          "the watch shows " + name + " as ADDED and Active",
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.matches("ADDED " + name + " Active \\S+")));

      // When
      var delete = kubectl.run(DELETE_TIMEOUT, null, "delete", "ns", name);

      // Then
      assertThat(delete.exitCode()).as(() -> kubectl.explain(delete)).isZero();
      assertThat(delete.stderr()).as(() -> kubectl.explain(delete)).isEmpty();
      assertThat(delete.stdout())
          .as(() -> kubectl.explain(delete))
          .isEqualTo("namespace \"" + name + "\" deleted\n");
      Await.untilAsserted(
          "the watch shows DELETED for " + name,
          () ->
              assertThat(rows(watch))
                  .as(watch::describe)
                  .anyMatch(row -> row.startsWith("DELETED " + name + " ")));
      watch.stop();
      assertThat(rows(watch)).as(watch::describe).first().isEqualTo("EVENT NAME STATUS AGE");
      var eventsForName =
          rows(watch).stream()
              .map(row -> row.split(" "))
              .filter(cells -> cells.length > 1 && cells[1].equals(name))
              .map(cells -> cells[0])
              .toList();
      assertThat(eventsForName)
          .as(
              () ->
                  "ADDED first, DELETED last, only MODIFIED (Terminating) between\n"
                      + watch.describe())
          .startsWith("ADDED")
          .endsWith("DELETED");
      assertThat(eventsForName.subList(1, eventsForName.size() - 1))
          .as(() -> "between ADDED and DELETED only MODIFIED\n" + watch.describe())
          .allMatch("MODIFIED"::equals);
      assertThat(watch.stderrLines()).as(watch::describe).isEmpty();
    }
  }

  @Test
  @Tag("api")
  @DisplayName(
      "watch with labelSelector, namespace deleted, streams ADDED then DELETED with kind and"
          + " apiVersion")
  void httpWatchStreamsDeletion() {
    // Given: a namespace with a label no other test uses, and a watch on that label
    var label = "conformance.vessel.io/watch";
    var created = namespaces.create("watched", Map.of(label, "yes"));
    var name = created.path("metadata").path("name").asText();
    var selector = label + "%3Dyes";
    try (var watch = cluster.rest().watch("/api/v1/namespaces?watch=1&labelSelector=" + selector)) {
      assertThat(watch.head().contentType()).startsWith("application/json");
      Await.untilAsserted(
          "an ADDED event for " + name,
          () ->
              assertThat(watch.events())
                  .as(watch::describe)
                  .anyMatch(event -> isFor(event, "ADDED", name)));

      // When
      var delete = cluster.rest().delete("/api/v1/namespaces/" + name);
      assertThat(delete.status()).as(delete.describe()).isIn(200, 202);

      // Then
      Await.untilAsserted(
          "a DELETED event for " + name,
          () ->
              assertThat(watch.events())
                  .as(watch::describe)
                  .anyMatch(event -> isFor(event, "DELETED", name)));
      List<WatchEvent> events =
          watch.events().stream().filter(event -> event.name().equals(name)).toList();
      var deleted = events.get(events.size() - 1);
      assertThat(deleted.type()).as(watch::describe).isEqualTo("DELETED");
      assertThat(deleted.object().path("kind").asText()).as(watch::describe).isEqualTo("Namespace");
      assertThat(deleted.object().path("apiVersion").asText()).as(watch::describe).isEqualTo("v1");
      assertThat(deleted.object().path("metadata").path("uid").asText())
          .as(watch::describe)
          .isEqualTo(created.path("metadata").path("uid").asText());
      assertThat(events.stream().map(WatchEvent::type))
          .as(watch::describe)
          .containsOnly("ADDED", "MODIFIED", "DELETED");
    }
  }

  private static List<String> rows(BackgroundProcess watch) {
    return watch.stdoutLines().stream().map(Text::squeeze).toList();
  }

  private static boolean isFor(WatchEvent event, String type, String name) {
    return event.type().equals(type) && event.name().equals(name);
  }
}
