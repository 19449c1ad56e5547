package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.CONTROLLER_REVISIONS;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.PERSISTENT_VOLUME_CLAIMS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.STATEFUL_SETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.WatchEvent;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** StatefulSets: ordered creation with stable names and claims, ordered scale-down, rolling update. */
class StatefulSetIT {
  private static final String NS = "sts-it";

  private static List<Pod> pods(ApiClient api) {
    return Blocking.await(api.listAll(PODS, NS, ListOptions.labels("app=db"))).items();
  }

  @Test
  void orderedIdentityClaimsScaleAndRollingUpdate() throws Exception {
    try (LiveServer live = LiveServer.start(); ApiClient api = live.client()) {
      Blocking.await(api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()));
      List<String> created = new CopyOnWriteArrayList<>();
      List<String> deleted = new CopyOnWriteArrayList<>();
      String rv = Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).resourceVersion();
      var watch = Blocking.await(api.watch(PODS, NS, ListOptions.ALL, rv, e -> {
        if (e.type() == WatchEvent.Type.ADDED) created.add(e.object().getMetadata().getName());
        if (e.type() == WatchEvent.Type.DELETED) deleted.add(e.object().getMetadata().getName());
      }, t -> { }));

      StatefulSet set = new StatefulSetBuilder()
          .withNewMetadata().withNamespace(NS).withName("db").endMetadata()
          .withNewSpec().withReplicas(3).withServiceName("db")
          .withNewSelector().withMatchLabels(Map.of("app", "db")).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "db")).endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("busybox:1").endContainer().endSpec()
          .endTemplate()
          .withVolumeClaimTemplates(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata()
              .withNewSpec().withAccessModes("ReadWriteOnce")
              .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec().build())
          .endSpec().build();

      try (KubeletDouble kubelet = new KubeletDouble(api, NS)) {
        Blocking.await(api.create(STATEFUL_SETS, set));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          StatefulSet now = Blocking.await(api.get(STATEFUL_SETS, NS, "db"));
          return now.getStatus() != null && Integer.valueOf(3).equals(now.getStatus().getReadyReplicas());
        });
        assertThat(created).containsExactly("db-0", "db-1", "db-2");
        Pod first = Blocking.await(api.get(PODS, NS, "db-0"));
        assertThat(first.getSpec().getHostname()).isEqualTo("db-0");
        assertThat(first.getSpec().getSubdomain()).isEqualTo("db");
        assertThat(first.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "db-0")
            .containsEntry("apps.kubernetes.io/pod-index", "0").containsKey("controller-revision-hash");
        assertThat(first.getSpec().getVolumes()).anySatisfy(v ->
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-db-0"));
        assertThat(Blocking.await(api.listAll(PERSISTENT_VOLUME_CLAIMS, NS, ListOptions.ALL)).items())
            .extracting(c -> c.getMetadata().getName()).containsExactlyInAnyOrder("data-db-0", "data-db-1", "data-db-2");

        // Scale down: highest ordinal first.
        Blocking.await(api.mergePatch(STATEFUL_SETS, NS, "db", "", Map.of("spec", Map.of("replicas", 1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> pods(api).size() == 1);
        assertThat(deleted).containsExactly("db-2", "db-1");
        assertThat(Blocking.await(api.listAll(PERSISTENT_VOLUME_CLAIMS, NS, ListOptions.ALL)).items())
            .as("claims are retained by default").hasSize(3);

        // Rolling update of 2 pods: both end on the new revision, which becomes current.
        Blocking.await(api.mergePatch(STATEFUL_SETS, NS, "db", "", Map.of("spec", Map.of("replicas", 2))));
        await().atMost(Duration.ofSeconds(60)).until(() -> pods(api).size() == 2);
        Blocking.await(api.mergePatch(STATEFUL_SETS, NS, "db", "", Map.of("spec", Map.of("template",
            Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "image", "busybox:2"))))))));
        await().atMost(Duration.ofSeconds(90)).until(() -> {
          StatefulSet now = Blocking.await(api.get(STATEFUL_SETS, NS, "db"));
          var s = now.getStatus();
          return s.getUpdateRevision() != null && s.getUpdateRevision().equals(s.getCurrentRevision())
              && Integer.valueOf(2).equals(s.getUpdatedReplicas()) && Integer.valueOf(2).equals(s.getReadyReplicas())
              && pods(api).stream().allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("busybox:2"));
        });
        assertThat(Blocking.await(api.listAll(CONTROLLER_REVISIONS, NS, ListOptions.ALL)).items())
            .extracting(r -> r.getRevision()).containsExactlyInAnyOrder(1L, 2L);
      }
      watch.close();
    }
  }
}
