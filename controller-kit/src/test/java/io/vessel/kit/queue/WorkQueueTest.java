package io.vessel.kit.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private final WorkQueue<String> queue = new WorkQueue<>("test", RateLimiter.controllerDefault());

  @Test
  void aKeyAddedTwiceIsQueuedOnce() throws Exception {
    queue.add("a");
    queue.add("a");
    queue.add("b");
    assertThat(queue.length()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.take()).isEqualTo("b");
  }

  @Test
  void aKeyAddedWhileProcessingRunsOnceMoreAfterDone() throws Exception {
    queue.add("a");
    String k = queue.take();
    queue.add("a");
    queue.add("a");
    assertThat(queue.length()).as("never handed out while in flight").isZero();
    queue.done(k);
    assertThat(queue.length()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo("a");
    queue.done("a");
    assertThat(queue.length()).isZero();
  }

  @Test
  void delayedAddsArriveLater() throws Exception {
    queue.addAfter("late", Duration.ofMillis(50));
    assertThat(queue.length()).isZero();
    assertThat(queue.take()).isEqualTo("late");
  }

  @Test
  void shutDownReleasesWaitingWorkers() throws Exception {
    Thread t = new Thread(() -> queue.shutDown());
    t.start();
    assertThat(queue.take()).isNull();
    t.join();
  }

  @Test
  void backOffDoublesAndResets() {
    RateLimiter<String> limiter = new RateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1));
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(10));
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(20));
    for (int i = 0; i < 60; i++) {
      limiter.when("k");
    }
    assertThat(limiter.when("k")).isEqualTo(Duration.ofSeconds(1));
    limiter.forget("k");
    assertThat(limiter.when("k")).isEqualTo(Duration.ofMillis(5));
  }
}
