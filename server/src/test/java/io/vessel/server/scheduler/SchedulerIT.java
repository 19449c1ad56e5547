package io.vessel.server.scheduler;

import static io.vessel.kit.client.Resources.EVENTS;
import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler against a live server: the test plays the kubelet's part only by registering
 * Node objects (allocatable, taints, Ready condition) through the API, then creates pods and reads
 * what the scheduler did: bindings, conditions and Events.
 */
class SchedulerIT {
  private static final String NS = "default";
  private static final Duration WAIT = Duration.ofSeconds(30);
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.plain();

  private static LiveServer live;
  private static ApiClient api;

  @AfterEach
  void clean() {
    for (Pod p : Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).items()) {
      Blocking.await(api.delete(PODS, NS, p.getMetadata().getName(), null));
    }
    for (Node n : Blocking.await(api.listAll(NODES, "", ListOptions.ALL)).items()) {
      Blocking.await(api.delete(NODES, "", n.getMetadata().getName(), null));
    }
  }

  @Test
  @DisplayName("schedule, pods that fit, all bound within each node's allocatable")
  void bindsWithinCapacity() {
    node("cap-a", "1", "110", true);
    node("cap-b", "1", "110", true);

    for (int i = 0; i < 6; i++) {
      pod("cap-" + i, "300m", List.of());
    }

    await().atMost(WAIT).until(() -> bound().size() == 6);
    Map<String, Long> cpu = cpuByNode();
    assertThat(cpu).containsOnlyKeys("cap-a", "cap-b");
    assertThat(cpu.values()).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(1000));
    Pod one = get("cap-0");
    assertThat(condition(one).getStatus()).isEqualTo("True");
    // Events are written after the binding, without waiting for them.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(events("cap-0"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("Scheduled");
                          assertThat(e.getType()).isEqualTo("Normal");
                          assertThat(e.getMessage())
                              .isEqualTo(
                                  "Successfully assigned default/cap-0 to "
                                      + one.getSpec().getNodeName());
                          assertThat(e.getSource().getComponent())
                              .isEqualTo("default-scheduler");
                        }));
  }

  @Test
  @DisplayName("schedule, nothing fits, Unschedulable with upstream's message, bound once a node fits")
  void unschedulableUntilANodeFits() {
    Node tainted = nodeObject("full-t", "2", "110", true);
    Taint t = new Taint();
    t.setKey("key");
    t.setValue("value");
    t.setEffect("NoSchedule");
    tainted.getSpec().setTaints(List.of(t));
    Blocking.await(api.create(NODES, tainted));
    node("full-a", "1", "110", true);
    node("full-b", "1", "110", true);
    pod("fill-a", "900m", List.of());
    pod("fill-b", "900m", List.of());
    await().atMost(WAIT).until(() -> bound().size() == 2);

    pod("big", "500m", List.of());

    String expected =
        "0/3 nodes are available: 1 node(s) had untolerated taint {key: value}, 2 Insufficient"
            + " cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for"
            + " scheduling, 2 No preemption victims found for incoming pod.";
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              PodCondition c = condition(get("big"));
              assertThat(c).isNotNull();
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("Unschedulable");
              assertThat(c.getMessage()).isEqualTo(expected);
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(events("big"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("FailedScheduling");
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getMessage()).isEqualTo(expected);
                        }));

    node("full-c", "1", "110", true);

    await().atMost(WAIT).until(() -> "full-c".equals(get("big").getSpec().getNodeName()));
    assertThat(condition(get("big")).getStatus()).isEqualTo("True");
    assertThat(condition(get("big")).getReason()).isNull();
  }

  @Test
  @DisplayName("schedule, taints and readiness, tolerated pods pass and others wait until Ready")
  void taintsAndReadiness() {
    Node gpu = nodeObject("gpu", "2", "110", true);
    Taint t = new Taint();
    t.setKey("dedicated");
    t.setValue("gpu");
    t.setEffect("NoSchedule");
    gpu.getSpec().setTaints(List.of(t));
    Blocking.await(api.create(NODES, gpu));
    node("down", "2", "110", false);
    Toleration tol = new Toleration();
    tol.setKey("dedicated");
    tol.setOperator("Equal");
    tol.setValue("gpu");
    tol.setEffect("NoSchedule");

    pod("tolerant", "100m", List.of(tol));
    pod("plain", "100m", List.of());

    await().atMost(WAIT).until(() -> "gpu".equals(get("tolerant").getSpec().getNodeName()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(condition(get("plain")).getMessage())
                    .isEqualTo(
                        "0/2 nodes are available: 1 node(s) had untolerated taint {dedicated:"
                            + " gpu}, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready:"
                            + " }. preemption: 0/2 nodes are available: 2 Preemption is not helpful"
                            + " for scheduling."));

    Node down = Blocking.await(api.get(NODES, "", "down"));
    down.getStatus().getConditions().get(0).setStatus("True");
    Blocking.await(api.updateStatus(NODES, down));

    await().atMost(WAIT).until(() -> "down".equals(get("plain").getSpec().getNodeName()));
  }

  @Test
  @DisplayName("schedule, a burst beyond the pods capacity, no node ever holds more than it allows")
  void burstNeverOverbooks() {
    node("burst-a", "8", "5", true);
    node("burst-b", "8", "5", true);
    node("burst-c", "8", "5", true);

    List<Future<Pod>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(api.create(PODS, podObject("burst-" + i, "10m", List.of())));
    }
    Future.all(creates).await();

    await().atMost(WAIT).until(() -> bound().size() == 15);
    await()
        .atMost(WAIT)
        .until(
            () ->
                Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).items().stream()
                        .filter(p -> p.getSpec().getNodeName() == null)
                        .filter(p -> condition(p) != null)
                        .count()
                    == 5);
    Map<String, Long> count = new HashMap<>();
    for (Pod p : bound()) {
      count.merge(p.getSpec().getNodeName(), 1L, Long::sum);
    }
    assertThat(count).containsOnly(Map.entry("burst-a", 5L), Map.entry("burst-b", 5L), Map.entry("burst-c", 5L));
    Pod waiting =
        Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).items().stream()
            .filter(p -> p.getSpec().getNodeName() == null)
            .findFirst()
            .orElseThrow();
    assertThat(condition(waiting).getMessage())
        .isEqualTo(
            "0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No"
                + " preemption victims found for incoming pod.");
  }

  // ---- the node double and helpers --------------------------------------------------------------

  private static Node nodeObject(String name, String cpu, String pods, boolean ready) {
    Map<String, Quantity> alloc = new HashMap<>();
    alloc.put("cpu", new Quantity(cpu));
    alloc.put("memory", new Quantity("8Gi"));
    alloc.put("pods", new Quantity(pods));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withCapacity(alloc)
        .withAllocatable(alloc)
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .withReason(ready ? "KubeletReady" : "KubeletNotReady")
        .endCondition()
        .endStatus()
        .build();
  }

  private static void node(String name, String cpu, String pods, boolean ready) {
    Blocking.await(api.create(NODES, nodeObject(name, cpu, pods, ready)));
  }

  private static Pod podObject(String name, String cpu, List<Toleration> tolerations) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withTolerations(tolerations)
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static void pod(String name, String cpu, List<Toleration> tolerations) {
    Blocking.await(api.create(PODS, podObject(name, cpu, tolerations)));
  }

  private static Pod get(String name) {
    return Blocking.await(api.get(PODS, NS, name));
  }

  private static List<Pod> bound() {
    return Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).items().stream()
        .filter(p -> p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty())
        .toList();
  }

  private static Map<String, Long> cpuByNode() {
    Map<String, Long> sum = new HashMap<>();
    for (Pod p : bound()) {
      sum.merge(p.getSpec().getNodeName(), PodInfo.of(p).requests().milliCpu(), Long::sum);
    }
    return sum;
  }

  private static PodCondition condition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static List<Event> events(String pod) {
    return Blocking.await(
            api.listAll(EVENTS, NS, ListOptions.fields("involvedObject.name=" + pod)))
        .items();
  }
}
