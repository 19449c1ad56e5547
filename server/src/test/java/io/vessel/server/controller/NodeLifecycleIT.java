package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.LEASES;
import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node whose heartbeats stop turns Unknown and gets the unreachable taints; pods leave by their
 * tolerations; heartbeats back clear the taints; pods of a deleted node are collected. The test
 * plays the node (Node, Lease, Ready condition) with a 6 s grace period.
 */
class NodeLifecycleIT {
  private static Pod pod(String name, List<Toleration> tolerations) {
    return new PodBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
        .withNewSpec().withNodeName("n1").withTolerations(tolerations)
        .addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
  }

  private static boolean exists(ApiClient api, String pod) {
    try {
      Blocking.await(api.get(PODS, "default", pod));
      return true;
    } catch (ApiException e) {
      if (e.notFound()) {
        return false;
      }
      throw e;
    }
  }

  private static void heartbeat(ApiClient api) {
    Lease lease = Blocking.await(api.get(LEASES, "kube-node-lease", "n1"));
    lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
    Blocking.await(api.update(LEASES, lease));
  }

  @Test
  void silentNodesAreTaintedAndTheirPodsLeaveByTheirTolerations() throws Exception {
    System.setProperty("vessel.nodeMonitorGracePeriodSeconds", "6");
    var beats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (LiveServer live = LiveServer.start(); ApiClient api = live.client()) {
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
          () -> Blocking.await(api.get(LEASES, "kube-system", "kube-controller-manager")).getSpec().getHolderIdentity() != null);
      String now = Instant.now().toString();
      Blocking.await(api.create(NODES, new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
          .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition().endStatus().build()));
      Blocking.await(api.create(LEASES, new LeaseBuilder().withNewMetadata().withNamespace("kube-node-lease").withName("n1").endMetadata()
          .withNewSpec().withHolderIdentity("n1").withLeaseDurationSeconds(40).withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()));
      Blocking.await(api.create(PODS, pod("brief", List.of(new Toleration("NoExecute", "node.kubernetes.io/unreachable", "Exists", 2L, null)))));
      Blocking.await(api.create(PODS, pod("forever", List.of(new Toleration("NoExecute", "node.kubernetes.io/unreachable", "Exists", null, null)))));
      Blocking.await(api.create(PODS, pod("default", List.of())));

      // Heartbeats every second keep it healthy past the grace period.
      var beating = beats.scheduleWithFixedDelay(() -> heartbeat(api), 0, 1, java.util.concurrent.TimeUnit.SECONDS);
      Thread.sleep(9000);
      Node healthy = Blocking.await(api.get(NODES, "", "n1"));
      assertThat(healthy.getSpec() == null ? null : healthy.getSpec().getTaints()).isNullOrEmpty();

      // Silence: Unknown, tainted, and only the briefly-tolerating pod leaves.
      beating.cancel(false);
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        Node n = Blocking.await(api.get(NODES, "", "n1"));
        return n.getSpec() != null && n.getSpec().getTaints() != null && n.getSpec().getTaints().stream()
            .anyMatch(t -> t.getKey().equals("node.kubernetes.io/unreachable") && t.getEffect().equals("NoExecute"));
      });
      Node silent = Blocking.await(api.get(NODES, "", "n1"));
      var ready = silent.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("Unknown");
      assertThat(ready.getReason()).isEqualTo("NodeStatusUnknown");
      assertThat(ready.getMessage()).isEqualTo("Kubelet stopped posting node status.");
      assertThat(silent.getSpec().getTaints()).extracting(t -> t.getKey() + ":" + t.getEffect())
          .containsExactlyInAnyOrder("node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute");
      await().atMost(Duration.ofSeconds(30)).until(() -> !exists(api, "brief"));
      assertThat(exists(api, "forever")).isTrue();
      assertThat(exists(api, "default")).as("default tolerations give 300 s").isTrue();

      // The node is back: the taints go.
      String back = Instant.now().toString();
      heartbeat(api);
      Blocking.await(api.mergePatch(NODES, "", "n1", "status", Map.of("status", Map.of("conditions", List.of(
          Map.of("type", "Ready", "status", "True", "reason", "KubeletReady", "lastHeartbeatTime", back, "lastTransitionTime", back))))));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        Node n = Blocking.await(api.get(NODES, "", "n1"));
        return n.getSpec() == null || n.getSpec().getTaints() == null || n.getSpec().getTaints().isEmpty();
      });

      // Deleted node: its pods are collected.
      Blocking.await(api.delete(NODES, "", "n1", null));
      await().atMost(Duration.ofSeconds(30)).until(() -> !exists(api, "forever") && !exists(api, "default"));
    } finally {
      beats.shutdownNow();
      System.clearProperty("vessel.nodeMonitorGracePeriodSeconds");
    }
  }
}
