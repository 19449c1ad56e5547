package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.CONTROLLER_REVISIONS;
import static io.vessel.kit.client.Resources.DAEMON_SETS;
import static io.vessel.kit.client.Resources.EVENTS;
import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.Watch;
import io.vessel.kit.client.WatchEvent;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DaemonSets against a live server with its controllers and scheduler: one pod per eligible node,
 * bound by the scheduler through the pod's node affinity; nodes joining and leaving the selector
 * gain and lose their pod; template changes roll node by node (RollingUpdate) or wait for deletes
 * (OnDelete); deleting the DaemonSet collects its pods. The test plays the nodes (Node objects,
 * Ready) and their kubelets (bound pods turn Ready). Each test selects its own nodes by label.
 */
class DaemonSetIT {
  private static final String NS = "ds-it";
  private static final Duration WAIT = Duration.ofSeconds(90);

  static {
    // The test's nodes post no heartbeats: keep the node lifecycle controller from tainting them.
    System.setProperty("vessel.nodeMonitorGracePeriodSeconds", "3600");
  }

  @RegisterExtension static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);
  private static ApiClient api;

  @AfterAll
  static void clearProperty() {
    System.clearProperty("vessel.nodeMonitorGracePeriodSeconds");
  }

  private static Node node(String name, Map<String, String> labels) {
    Map<String, Quantity> alloc = Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"));
    String now = Instant.now().toString();
    return new NodeBuilder()
        .withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name).addToLabels(labels).endMetadata()
        .withNewSpec().endSpec()
        .withNewStatus().withCapacity(alloc).withAllocatable(alloc)
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
        .endStatus()
        .build();
  }

  private static DaemonSet daemonSet(String name, String nodeLabel) {
    return new DaemonSetBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .withNewSpec()
        .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
        .withNewSpec().withNodeSelector(Map.of(nodeLabel, "yes"))
        .addNewContainer().withName("c").withImage(name + ":1").endContainer().endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<Pod> pods(String ds) {
    return Blocking.await(api.listAll(PODS, NS, ListOptions.labels("app=" + ds))).items();
  }

  private static DaemonSetStatus status(String ds) {
    DaemonSet set = Blocking.await(api.get(DAEMON_SETS, NS, ds));
    return set.getStatus() == null ? new DaemonSetStatus() : set.getStatus();
  }

  private static String targetNode(Pod p) {
    return p.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues().get(0);
  }

  /** Every pod Running on its own node, the one its node affinity names, with the revision's labels. */
  private static void assertOnePodPerNode(String ds, List<String> nodes, String hash, String generation) {
    List<Pod> pods = pods(ds);
    assertThat(pods).extracting(p -> p.getSpec().getNodeName()).containsExactlyInAnyOrderElementsOf(nodes);
    assertThat(pods).allSatisfy(p -> {
      assertThat(targetNode(p)).isEqualTo(p.getSpec().getNodeName());
      assertThat(p.getMetadata().getLabels()).containsEntry("controller-revision-hash", hash)
          .containsEntry("pod-template-generation", generation);
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
    });
  }

  private static void assertSettled(String ds, int desired, long generation) {
    DaemonSetStatus s = status(ds);
    assertThat(s.getObservedGeneration()).isEqualTo(generation);
    assertThat(s.getDesiredNumberScheduled()).isEqualTo(desired);
    assertThat(s.getCurrentNumberScheduled()).isEqualTo(desired);
    assertThat(s.getUpdatedNumberScheduled()).isEqualTo(desired);
    assertThat(s.getNumberReady()).isEqualTo(desired);
    assertThat(s.getNumberAvailable()).isEqualTo(desired);
    assertThat(s.getNumberUnavailable()).isZero();
    assertThat(s.getNumberMisscheduled()).isZero();
  }

  /** The hash of the DaemonSet's revision {@code number}, checking the revision's name carries it. */
  private static String revisionHash(String ds, long number) {
    List<ControllerRevision> revisions = Blocking.await(api.listAll(CONTROLLER_REVISIONS, NS, ListOptions.labels("app=" + ds))).items();
    ControllerRevision cr = revisions.stream().filter(r -> r.getRevision() == number).findFirst().orElseThrow();
    String hash = cr.getMetadata().getLabels().get("controller-revision-hash");
    assertThat(cr.getMetadata().getName()).isEqualTo(ds + "-" + hash);
    return hash;
  }

  private static Watch watchPods(String ds, Consumer<WatchEvent<Pod>> onEvent) {
    String rv = Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).resourceVersion();
    return Blocking.await(api.watch(PODS, NS, ListOptions.labels("app=" + ds), rv, onEvent::accept, t -> { }));
  }

  @Test
  @DisplayName("place, three nodes one labelled out, a pod per eligible node that follows nodes joining and leaving")
  void onePodPerEligibleNode() throws Exception {
    Blocking.await(api.create(NODES, node("p1", Map.of("placement", "yes"))));
    Blocking.await(api.create(NODES, node("p2", Map.of("placement", "yes"))));
    Blocking.await(api.create(NODES, node("p3", Map.of("placement", "no"))));
    Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    Watch watch = watchPods("agent", e -> {
      if (e.type() == WatchEvent.Type.ADDED) {
        created.computeIfAbsent(targetNode(e.object()), k -> new AtomicInteger()).incrementAndGet();
      }
    });
    try (KubeletDouble kubelet = KubeletDouble.boundPodsOnly(api, NS)) {
      // Given the DaemonSet: a pod on each selected node, none on the other.
      Blocking.await(api.create(DAEMON_SETS, daemonSet("agent", "placement")));
      await().atMost(WAIT).untilAsserted(() -> assertSettled("agent", 2, 1));
      String hash = revisionHash("agent", 1);
      assertOnePodPerNode("agent", List.of("p1", "p2"), hash, "1");
      assertThat(created).as("one create per node, never two").containsOnlyKeys("p1", "p2")
          .allSatisfy((n, count) -> assertThat(count.get()).isEqualTo(1));
      await().atMost(WAIT).untilAsserted(() -> assertThat(
              Blocking.await(api.listAll(EVENTS, NS, ListOptions.fields("involvedObject.name=agent"))).items())
          .filteredOn(e -> e.getReason().equals("SuccessfulCreate"))
          .extracting(e -> e.getMessage())
          .containsExactlyInAnyOrderElementsOf(pods("agent").stream().map(p -> "Created pod: " + p.getMetadata().getName()).toList()));

      // When a daemon pod fails, it is replaced, with a FailedDaemonPod event.
      Pod failing = pods("agent").stream().filter(p -> p.getSpec().getNodeName().equals("p1")).findFirst().orElseThrow();
      Blocking.await(api.mergePatch(PODS, NS, failing.getMetadata().getName(), "status", Map.of("status", Map.of("phase", "Failed"))));
      await().atMost(WAIT).untilAsserted(() -> {
        assertSettled("agent", 2, 1);
        assertOnePodPerNode("agent", List.of("p1", "p2"), hash, "1");
        assertThat(pods("agent")).extracting(p -> p.getMetadata().getName()).doesNotContain(failing.getMetadata().getName());
        assertThat(Blocking.await(api.listAll(EVENTS, NS, ListOptions.fields("involvedObject.name=agent"))).items())
            .filteredOn(e -> e.getReason().equals("FailedDaemonPod"))
            .singleElement().satisfies(e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage()).isEqualTo(
                  "Found failed daemon pod " + NS + "/" + failing.getMetadata().getName() + " on node p1, will try to kill it");
            });
      });

      // When a selected node joins, it gets its pod.
      Blocking.await(api.create(NODES, node("p4", Map.of("placement", "yes"))));
      await().atMost(WAIT).untilAsserted(() -> assertSettled("agent", 3, 1));
      assertOnePodPerNode("agent", List.of("p1", "p2", "p4"), hash, "1");

      // When a node's labels stop matching, its pod goes.
      Blocking.await(api.mergePatch(NODES, "", "p4", "", Map.of("metadata", Map.of("labels", Map.of("placement", "no")))));
      await().atMost(WAIT).untilAsserted(() -> {
        assertSettled("agent", 2, 1);
        assertOnePodPerNode("agent", List.of("p1", "p2"), hash, "1");
      });

      // When the DaemonSet is deleted, the garbage collector takes its pods and revisions.
      Blocking.await(api.delete(DAEMON_SETS, NS, "agent", null));
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(pods("agent")).isEmpty();
        assertThat(Blocking.await(api.listAll(CONTROLLER_REVISIONS, NS, ListOptions.labels("app=agent"))).items()).isEmpty();
      });
    } finally {
      watch.close();
    }
  }

  @Test
  @DisplayName("update, template changed, RollingUpdate replaces one node at a time; OnDelete waits for deletes")
  void rollingUpdateAndOnDelete() throws Exception {
    List<String> nodes = List.of("r1", "r2", "r3");
    for (String n : nodes) {
      Blocking.await(api.create(NODES, node(n, Map.of("rollout", "yes"))));
    }
    // Which pods exist and are ready on each node, from the watch, in the server's order.
    Map<String, Map<String, Boolean>> byNode = new ConcurrentHashMap<>();
    AtomicInteger mostUnavailable = new AtomicInteger();
    Set<String> tracked = ConcurrentHashMap.newKeySet();
    Watch watch = watchPods("roller", e -> {
      Pod p = e.object();
      var onNode = byNode.computeIfAbsent(targetNode(p), k -> new ConcurrentHashMap<>());
      if (e.type() == WatchEvent.Type.DELETED) {
        onNode.remove(p.getMetadata().getName());
      } else {
        onNode.put(p.getMetadata().getName(), p.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
      }
      if (!tracked.isEmpty()) {
        long unavailable = tracked.stream().filter(n -> !byNode.getOrDefault(n, Map.of()).containsValue(true)).count();
        mostUnavailable.accumulateAndGet((int) unavailable, Math::max);
      }
    });
    try (KubeletDouble kubelet = KubeletDouble.boundPodsOnly(api, NS)) {
      Blocking.await(api.create(DAEMON_SETS, daemonSet("roller", "rollout")));
      await().atMost(WAIT).untilAsserted(() -> assertSettled("roller", 3, 1));
      String first = revisionHash("roller", 1);

      // RollingUpdate (the default, maxUnavailable 1): every pod replaced, one node at a time.
      tracked.addAll(nodes);
      Blocking.await(api.mergePatch(DAEMON_SETS, NS, "roller", "", Map.of("spec", Map.of("template",
          Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "image", "roller:2"))))))));
      await().atMost(WAIT).untilAsserted(() -> {
        assertSettled("roller", 3, 2);
        assertOnePodPerNode("roller", nodes, revisionHash("roller", 2), "2");
      });
      tracked.clear();
      String second = revisionHash("roller", 2);
      assertThat(second).isNotEqualTo(first);
      assertThat(mostUnavailable.get()).as("nodes without a ready pod at once").isEqualTo(1);
      assertThat(pods("roller")).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("roller:2"));

      // OnDelete: the new template is recorded, but only a deleted pod comes back with it.
      Map<String, Object> onDelete = new HashMap<>();
      onDelete.put("type", "OnDelete");
      onDelete.put("rollingUpdate", null);
      Blocking.await(api.mergePatch(DAEMON_SETS, NS, "roller", "", Map.of("spec", Map.of(
          "updateStrategy", onDelete,
          "template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "image", "roller:3"))))))));
      await().atMost(WAIT).untilAsserted(() -> {
        DaemonSetStatus s = status("roller");
        assertThat(s.getObservedGeneration()).isEqualTo(3L);
        assertThat(s.getUpdatedNumberScheduled()).isZero();
        assertThat(s.getNumberAvailable()).isEqualTo(3);
      });
      assertOnePodPerNode("roller", nodes, second, "2");
      Pod onR2 = pods("roller").stream().filter(p -> p.getSpec().getNodeName().equals("r2")).findFirst().orElseThrow();
      Blocking.await(api.delete(PODS, NS, onR2.getMetadata().getName(), null));
      await().atMost(WAIT).untilAsserted(() -> {
        DaemonSetStatus s = status("roller");
        assertThat(s.getUpdatedNumberScheduled()).isEqualTo(1);
        assertThat(s.getNumberAvailable()).isEqualTo(3);
        String third = revisionHash("roller", 3);
        assertThat(pods("roller")).allSatisfy(p -> assertThat(p.getMetadata().getLabels().get("controller-revision-hash"))
            .isEqualTo(p.getSpec().getNodeName().equals("r2") ? third : second));
      });
    } finally {
      watch.close();
    }
  }
}
