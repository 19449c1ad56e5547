package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodWorkersTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch firstSyncStarted = new CountDownLatch(1);
  private ExecutorService executor;
  private ScheduledExecutorService scheduler;
  private PodWorkers workers;

  @BeforeEach
  void start() {
    executor = Executors.newFixedThreadPool(2);
    scheduler = Executors.newSingleThreadScheduledExecutor();
    workers =
        new PodWorkers(
            new PodWorkers.Handler() {
              @Override
              public Duration sync(Pod pod) {
                calls.add("sync " + pod.getMetadata().getResourceVersion());
                firstSyncStarted.countDown();
                awaitLatch(release);
                return null;
              }

              @Override
              public void terminate(String uid, Pod lastKnown, long grace) {
                calls.add("terminate " + grace);
              }
            },
            executor,
            scheduler);
  }

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
    scheduler.shutdownNow();
  }

  @Test
  @DisplayName("update, several while a sync runs, collapse into one sync of the latest version")
  void latestUpdateWins() throws Exception {
    // Given a sync in flight
    workers.update(pod("1"));
    assertThat(firstSyncStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // When three more versions arrive
    workers.update(pod("2"));
    workers.update(pod("3"));
    workers.update(pod("4"));
    release.countDown();

    // Then only the latest is synced next
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 2);
    assertThat(calls).containsExactly("sync 1", "sync 4");
  }

  @Test
  @DisplayName("terminate, during a sync, is not replaced by later updates, and the UID stays dead")
  void killIsNotReplaced() throws Exception {
    // Given
    workers.update(pod("1"));
    assertThat(firstSyncStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // When
    workers.terminate("uid-1", pod("1"), 7);
    workers.update(pod("2"));
    release.countDown();

    // Then
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 2);
    assertThat(calls).containsExactly("sync 1", "terminate 7");
    workers.update(pod("3"));
    assertThat(workers.knows("uid-1")).isTrue();
    assertThat(workers.size()).isZero();
    assertThat(calls).hasSize(2);
  }

  private static Pod pod(String resourceVersion) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .withNamespace("default")
        .withUid("uid-1")
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .build();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
