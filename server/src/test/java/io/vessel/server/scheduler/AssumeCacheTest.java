package io.vessel.server.scheduler;

import static io.vessel.server.scheduler.Fixtures.node;
import static io.vessel.server.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssumeCacheTest {
  private final AssumeCache cache = new AssumeCache();
  private final SplittableRandom random = new SplittableRandom(3);

  private ScheduleResult place(Pod pod) {
    PodInfo info = PodInfo.of(pod);
    return cache.placeWith(info, nodes -> SchedulingCycle.schedule(info, nodes, random));
  }

  @Test
  @DisplayName("assume, informer still shows pods pending, the node is never double-booked")
  void assumedPodsCountUntilSeen() {
    cache.setNode(node("n", "1", "4Gi").build());
    Pod a = pod("a", "600m", null).build();
    Pod b = pod("b", "600m", null).build();

    assertThat(place(a).node()).isEqualTo("n");
    cache.updatePod(a); // an update of the still-pending pod keeps its assumption
    ScheduleResult second = place(b);

    assertThat(second.fits()).isFalse();
    assertThat(second.message()).startsWith("0/1 nodes are available: 1 Insufficient cpu.");
    assertThat(cache.node("n").requested().milliCpu()).isEqualTo(600);
  }

  @Test
  @DisplayName("bound pod seen by the informer, counted once; finished, it frees its node")
  void confirmedThenFinished() {
    cache.setNode(node("n", "1", "4Gi").build());
    Pod a = pod("a", "600m", null).build();
    place(a);

    a.getSpec().setNodeName("n");
    cache.updatePod(a);
    assertThat(cache.node("n").podCount()).isEqualTo(1);
    assertThat(cache.node("n").requested().milliCpu()).isEqualTo(600);

    a.getStatus().setPhase("Succeeded");
    cache.updatePod(a);
    assertThat(cache.placed(a.getMetadata().getUid())).isFalse();
    assertThat(place(pod("b", "900m", null).build()).fits()).isTrue();
  }

  @Test
  @DisplayName("forget, a failed binding gives the room back; a bound pod is not forgotten")
  void forget() {
    cache.setNode(node("n", "1", "4Gi").build());
    Pod a = pod("a", "600m", null).build();
    Pod b = pod("b", "300m", null).build();
    place(a);
    place(b);
    b.getSpec().setNodeName("n");
    cache.updatePod(b);

    cache.forget(a.getMetadata().getUid());
    cache.forget(b.getMetadata().getUid());

    assertThat(cache.placed(a.getMetadata().getUid())).isFalse();
    assertThat(cache.placed(b.getMetadata().getUid())).isTrue();
    assertThat(cache.node("n").requested().milliCpu()).isEqualTo(300);
  }

  @Test
  @DisplayName("pods bound to a node the informer has not shown yet, counted when it arrives")
  void podsBeforeTheirNode() {
    Pod early = pod("early", "800m", null).editSpec().withNodeName("late").endSpec().build();
    cache.updatePod(early);

    assertThat(place(pod("p", "100m", null).build()).message())
        .isEqualTo("no nodes available to schedule pods");
    cache.setNode(node("late", "1", "4Gi").build());
    assertThat(place(pod("q", "300m", null).build()).fits()).isFalse();
  }
}
