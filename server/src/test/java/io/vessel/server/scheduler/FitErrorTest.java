package io.vessel.server.scheduler;

import static io.vessel.server.scheduler.Fixtures.node;
import static io.vessel.server.scheduler.Fixtures.nodeInfo;
import static io.vessel.server.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Unschedulable message, whole, as kube-scheduler 1.33 writes it. */
class FitErrorTest {

  private static String schedule(PodInfo pod, NodeInfo... nodes) {
    ScheduleResult r = SchedulingCycle.schedule(pod, List.of(nodes), new SplittableRandom(1));
    assertThat(r.fits()).isFalse();
    return r.message();
  }

  private static Node tainted(String name) {
    Taint t = new Taint();
    t.setKey("key");
    t.setValue("value");
    t.setEffect("NoSchedule");
    return node(name, "2", "4Gi").editSpec().withTaints(t).endSpec().build();
  }

  @Test
  @DisplayName("message, a taint and two full nodes, counted and sorted, preemption finds no victims")
  void taintAndInsufficientCpu() {
    Pod busy = pod("busy", "1900m", null).build();
    Pod busy2 = pod("busy2", "1900m", null).build();

    String message =
        schedule(
            PodInfo.of(pod("p", "500m", null).build()),
            nodeInfo(tainted("a")),
            nodeInfo(node("b", "2", "4Gi").build(), busy),
            nodeInfo(node("c", "2", "4Gi").build(), busy2));

    assertThat(message)
        .isEqualTo(
            "0/3 nodes are available: 1 node(s) had untolerated taint {key: value}, 2 Insufficient"
                + " cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for"
                + " scheduling, 2 No preemption victims found for incoming pod.");
  }

  @Test
  @DisplayName("message, request larger than any node, preemption is not helpful anywhere")
  void tooBigEverywhere() {
    String message =
        schedule(
            PodInfo.of(pod("p", "3", "1Gi").build()),
            nodeInfo(node("a", "2", "4Gi").build()),
            nodeInfo(node("b", "2", "4Gi").build()));

    assertThat(message)
        .isEqualTo(
            "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2"
                + " Preemption is not helpful for scheduling.");
  }

  @Test
  @DisplayName("message, lower-priority pods that would not make room, their removal's reasons")
  void victimsNotEnough() {
    Pod low = pod("low", "500m", null).editSpec().withPriority(-1).endSpec().build();
    Pod same = pod("same", "1400m", null).build();

    String message =
        schedule(
            PodInfo.of(pod("p", "1", null).build()),
            nodeInfo(node("a", "2", "4Gi").build(), low, same));

    assertThat(message)
        .isEqualTo(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1"
                + " Insufficient cpu.");
  }

  @Test
  @DisplayName("message, lower-priority pods whose eviction would make room, no preemption part")
  void preemptionWouldHelp() {
    Pod low = pod("low", "1500m", null).editSpec().withPriority(-1).endSpec().build();

    String message =
        schedule(PodInfo.of(pod("p", "1", null).build()), nodeInfo(node("a", "2", "4Gi").build(), low));

    assertThat(message).isEqualTo("0/1 nodes are available: 1 Insufficient cpu.");
  }

  @Test
  @DisplayName("message, preemptionPolicy Never, upstream's not-eligible text")
  void neverPreempts() {
    PodInfo pod =
        PodInfo.of(pod("p", "3", null).editSpec().withPreemptionPolicy("Never").endSpec().build());

    assertThat(schedule(pod, nodeInfo(node("a", "2", "4Gi").build())))
        .isEqualTo(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to"
                + " preemptionPolicy=Never.");
  }

  @Test
  @DisplayName("message, no nodes at all")
  void noNodes() {
    assertThat(schedule(PodInfo.of(pod("p", null, null).build())))
        .isEqualTo("no nodes available to schedule pods");
  }
}
