package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.DEPLOYMENTS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.REPLICA_SETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deployments roll through ReplicaSets within their surge and availability bounds. */
class DeploymentIT {
  private static final String NS = "deploy-it";
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);

  private static LiveServer live;
  private static ApiClient api;

  private static Deployment deployment(String name, int replicas, String image) {
    return new DeploymentBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxSurge(new IntOrString(2)).withMaxUnavailable(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withNewTemplate()
        .withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage(image).endContainer().endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<ReplicaSet> replicaSets(String app) {
    List<ReplicaSet> list = new ArrayList<>(Blocking.await(api.listAll(REPLICA_SETS, NS, ListOptions.labels("app=" + app))).items());
    list.sort(Comparator.comparing(rs -> rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")));
    return list;
  }

  private static DeploymentCondition condition(Deployment d, String type) {
    return d.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  private static boolean rolledOut(String name, int replicas) {
    Deployment d = Blocking.await(api.get(DEPLOYMENTS, NS, name));
    var s = d.getStatus();
    return s != null
        && s.getObservedGeneration() != null
        && s.getObservedGeneration() >= d.getMetadata().getGeneration()
        && s.getUpdatedReplicas() != null && s.getUpdatedReplicas() == replicas
        && s.getReplicas() != null && s.getReplicas() == replicas
        && s.getAvailableReplicas() != null && s.getAvailableReplicas() == replicas;
  }

  @Test
  void rollsOutUpdatesAndRollsBackWithinBounds() throws Exception {
    try (KubeletDouble kubelet = new KubeletDouble(api, NS)) {
      Blocking.await(api.create(DEPLOYMENTS, deployment("web", 5, "busybox:1")));
      await().atMost(Duration.ofSeconds(60)).until(() -> rolledOut("web", 5));

      List<ReplicaSet> sets = replicaSets("web");
      assertThat(sets).hasSize(1);
      ReplicaSet first = sets.get(0);
      String hash = first.getMetadata().getLabels().get("pod-template-hash");
      assertThat(first.getMetadata().getName()).isEqualTo("web-" + hash);
      assertThat(first.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
      assertThat(first.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash);
      Deployment d = Blocking.await(api.get(DEPLOYMENTS, NS, "web"));
      assertThat(condition(d, "Available").getStatus()).isEqualTo("True");
      assertThat(condition(d, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");

      // Rolling update: at every observation, at least 5 - 1 pods are available and at most 5 + 2 exist.
      AtomicInteger worstAvailable = new AtomicInteger(5);
      AtomicInteger mostPods = new AtomicInteger(0);
      Blocking.await(api.mergePatch(DEPLOYMENTS, NS, "web", "", Map.of("spec", Map.of("template",
          Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "image", "busybox:2"))))))));
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
        int pods = Blocking.await(api.listAll(PODS, NS, ListOptions.labels("app=web"))).items().size();
        mostPods.accumulateAndGet(pods, Math::max);
        int available = replicaSets("web").stream().mapToInt(rs -> rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas()).sum();
        worstAvailable.accumulateAndGet(available, Math::min);
        return rolledOut("web", 5) && replicaSets("web").stream().filter(rs -> rs.getSpec().getReplicas() > 0).count() == 1;
      });
      assertThat(mostPods.get()).as("pods at the peak (replicas + maxSurge)").isLessThanOrEqualTo(7);
      assertThat(worstAvailable.get()).as("available at the worst (replicas - maxUnavailable)").isGreaterThanOrEqualTo(4);
      sets = replicaSets("web");
      assertThat(sets).hasSize(2);
      assertThat(sets.get(0).getSpec().getReplicas()).isZero();
      assertThat(sets.get(1).getSpec().getReplicas()).isEqualTo(5);
      assertThat(sets.get(1).getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");

      // Rollback to the first template: its ReplicaSet is reused and becomes revision 3.
      Blocking.await(api.mergePatch(DEPLOYMENTS, NS, "web", "", Map.of("spec", Map.of("template",
          Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "image", "busybox:1"))))))));
      await().atMost(Duration.ofSeconds(90)).until(() -> rolledOut("web", 5)
          && Blocking.await(api.get(REPLICA_SETS, NS, first.getMetadata().getName())).getSpec().getReplicas() == 5);
      assertThat(replicaSets("web")).hasSize(2);
      assertThat(Blocking.await(api.get(REPLICA_SETS, NS, first.getMetadata().getName())).getMetadata().getAnnotations())
          .containsEntry("deployment.kubernetes.io/revision", "3");

      // Scale.
      Blocking.await(api.mergePatch(DEPLOYMENTS, NS, "web", "", Map.of("spec", Map.of("replicas", 2))));
      await().atMost(Duration.ofSeconds(60)).until(() -> rolledOut("web", 2)
          && Blocking.await(api.listAll(PODS, NS, ListOptions.labels("app=web"))).items().size() == 2);
    }
  }
}
