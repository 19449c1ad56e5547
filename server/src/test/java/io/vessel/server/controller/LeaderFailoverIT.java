package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.LEASES;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.REPLICA_SETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.WatchEvent;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database: only the Lease holder runs the controllers; when it dies without
 * handing the Lease over, the other takes over within the lease duration, and the loops neither
 * lose a reconcile nor double one (no extra pods).
 */
class LeaderFailoverIT {
  private static final String NS = "failover";

  @Test
  void theSurvivorTakesOverWithoutExtraPods() throws Exception {
    try (LiveServer live = LiveServer.start()) {
      live.addReplica();
      ApiClient a = live.client(0);
      ApiClient b = live.client(1);
      Blocking.await(a.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()));

      Lease lease = await().atMost(Duration.ofSeconds(30)).until(
          () -> Blocking.await(a.get(LEASES, "kube-system", "kube-controller-manager")),
          l -> l.getSpec() != null && l.getSpec().getHolderIdentity() != null);
      String leader = lease.getSpec().getHolderIdentity();
      int leaderIndex = leader.equals(live.replica(0).controllerIdentity()) ? 0 : 1;
      assertThat(leader).isIn(live.replica(0).controllerIdentity(), live.replica(1).controllerIdentity());
      ApiClient survivor = leaderIndex == 0 ? b : a;

      // Every pod ever created is recorded, so a doubled create cannot hide behind a later delete.
      Set<String> everCreated = ConcurrentHashMap.newKeySet();
      String rv = Blocking.await(survivor.listAll(PODS, NS, ListOptions.ALL)).resourceVersion();
      var watch = Blocking.await(survivor.watch(PODS, NS, ListOptions.ALL, rv,
          e -> { if (e.type() == WatchEvent.Type.ADDED) everCreated.add(e.object().getMetadata().getName()); },
          t -> { }));

      Blocking.await(survivor.create(REPLICA_SETS, new ReplicaSetBuilder()
          .withNewMetadata().withNamespace(NS).withName("rs").endMetadata()
          .withNewSpec().withReplicas(3)
          .withNewSelector().withMatchLabels(Map.of("app", "rs")).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "rs")).endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
          .endTemplate().endSpec().build()));
      await().atMost(Duration.ofSeconds(30)).until(() -> everCreated.size() == 3);

      Instant crash = Instant.now();
      live.crashReplica(leaderIndex);
      // Work arriving while nobody leads: done once the survivor leads.
      Blocking.await(survivor.mergePatch(REPLICA_SETS, NS, "rs", "", Map.of("spec", Map.of("replicas", 5))));

      Lease taken = await().atMost(Duration.ofSeconds(40)).until(
          () -> Blocking.await(survivor.get(LEASES, "kube-system", "kube-controller-manager")),
          l -> !leader.equals(l.getSpec().getHolderIdentity()));
      long takeoverSeconds = Duration.between(crash, Instant.now()).toSeconds();
      assertThat(taken.getSpec().getLeaseTransitions()).isGreaterThanOrEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> everCreated.size() >= 5);
      Thread.sleep(3000); // a doubled reconcile would create more within this time
      assertThat(everCreated).as("pods ever created").hasSize(5);
      assertThat(Blocking.await(survivor.listAll(PODS, NS, ListOptions.ALL)).items()).hasSize(5);
      System.out.println("leader failover: new leader after " + takeoverSeconds + " s (lease 15 s)");
      watch.close();
    }
  }
}
