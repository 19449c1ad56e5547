package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.EVENTS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.REPLICA_SETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ReplicaSet controller against a real server: counts, adoption, scaling, status, events. */
class ReplicaSetIT {
  private static final String NS = "rs-it";
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);

  private static LiveServer live;
  private static ApiClient api;

  private static List<Pod> pods(String app) {
    return Blocking.await(api.listAll(PODS, NS, ListOptions.labels("app=" + app))).items().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static ReplicaSet rs(String name, int replicas) {
    return new ReplicaSetBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(Map.of("app", name, "extra", "x")).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void keepsTheCountAdoptsOrphansAndReportsStatus() {
    // An orphan that matches the selector exists before the ReplicaSet: it is adopted, not doubled.
    Pod orphan =
        new PodBuilder()
            .withNewMetadata().withNamespace(NS).withName("orphan").withLabels(Map.of("app", "web")).endMetadata()
            .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
            .build();
    Blocking.await(api.create(PODS, orphan));
    ReplicaSet created = Blocking.await(api.create(REPLICA_SETS, rs("web", 3)));

    await().atMost(Duration.ofSeconds(30)).until(() -> pods("web").size() == 3);
    List<Pod> pods = pods("web");
    assertThat(pods).allSatisfy(p -> assertThat(OwnerRefs.controlledBy(p, created)).isTrue());
    assertThat(pods).extracting(p -> p.getMetadata().getName()).contains("orphan");
    assertThat(pods).filteredOn(p -> !p.getMetadata().getName().equals("orphan"))
        .allSatisfy(p -> {
          assertThat(p.getMetadata().getName()).startsWith("web-");
          assertThat(p.getMetadata().getLabels()).containsEntry("extra", "x");
        });

    // The test plays the kubelet: two pods become ready.
    Instant readyAt = Instant.now().minusSeconds(5);
    for (Pod p : pods.subList(0, 2)) {
      Blocking.await(
          api.mergePatch(PODS, NS, p.getMetadata().getName(), "status",
              Map.of("status", Map.of("phase", "Running", "conditions",
                  List.of(Map.of("type", "Ready", "status", "True", "lastTransitionTime", readyAt.toString()))))));
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      ReplicaSet now = Blocking.await(api.get(REPLICA_SETS, NS, "web"));
      assertThat(now.getStatus().getReplicas()).isEqualTo(3);
      assertThat(now.getStatus().getFullyLabeledReplicas()).isEqualTo(2); // the orphan lacks "extra"
      assertThat(now.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(now.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(now.getStatus().getObservedGeneration()).isEqualTo(1L);
    });

    // Scale down: not-ready pods go first.
    Blocking.await(api.mergePatch(REPLICA_SETS, NS, "web", "", Map.of("spec", Map.of("replicas", 2))));
    await().atMost(Duration.ofSeconds(30)).until(() -> pods("web").size() == 2);
    assertThat(pods("web")).extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(pods.subList(0, 2).stream().map(p -> p.getMetadata().getName()).toList());

    // A deleted pod is replaced.
    Blocking.await(api.delete(PODS, NS, pods.get(0).getMetadata().getName(), null));
    await().atMost(Duration.ofSeconds(30)).until(() -> pods("web").size() == 2
        && pods("web").stream().noneMatch(p -> p.getMetadata().getName().equals(pods.get(0).getMetadata().getName())));

    // A pod relabelled out of the selector is released, and replaced.
    String released = pods.get(1).getMetadata().getName();
    Blocking.await(api.mergePatch(PODS, NS, released, "", Map.of("metadata", Map.of("labels", Map.of("app", "other")))));
    await().atMost(Duration.ofSeconds(30)).until(() -> pods("web").size() == 2
        && Blocking.await(api.get(PODS, NS, released)).getMetadata().getOwnerReferences().isEmpty());

    var events = Blocking.await(api.listAll(EVENTS, NS, ListOptions.fields("involvedObject.name=web"))).items();
    assertThat(events).extracting(e -> e.getReason()).contains("SuccessfulCreate", "SuccessfulDelete");
    assertThat(events).filteredOn(e -> e.getReason().equals("SuccessfulCreate"))
        .allSatisfy(e -> assertThat(e.getMessage()).startsWith("Created pod: web-"));
  }
}
