package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.vessel.agent.probe.ProbeManager;
import io.vessel.cri.fake.ExecSyncHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Probes and hooks through the fake runtime's ExecSync: the commands named in {@code passing}
 * exit 0, others exit 1. Probe workers run on their own threads; the test keeps syncing until
 * the status says what it expects.
 */
class PodSyncerProbeTest extends PodSyncerTestBase {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Set<String> passing = ConcurrentHashMap.newKeySet();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private ProbeManager probes;

  @BeforeEach
  void probingSyncer() {
    runtime.onExecSync((id, cmd, timeout) -> {
      String command = String.join(" ", cmd);
      ran.add(command);
      return ExecSyncHandler.result(passing.contains(command) ? 0 : 1, "said " + command);
    });
    probes = new ProbeManager(cri, uid -> {}, Clock.systemUTC());
    syncer = syncer(probes);
  }

  @AfterEach
  void stopProbes() {
    probes.close();
  }

  private static Probe exec(String command, int failureThreshold) {
    return new ProbeBuilder()
        .withNewExec().withCommand("sh", "-c", command).endExec()
        .withPeriodSeconds(1).withTimeoutSeconds(1)
        .withSuccessThreshold(1).withFailureThreshold(failureThreshold)
        .build();
  }

  private Pod syncUntil(Pod start, Predicate<Pod> done) {
    var holder = new AtomicReference<>(start);
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      holder.set(sync(holder.get()));
      return done.test(holder.get());
    });
    return holder.get();
  }

  @Test
  @DisplayName("readiness probe: not ready until it passes, ready after, not ready when it fails again")
  void readiness() {
    Container c = new ContainerBuilder(TestPods.container("web"))
        .withReadinessProbe(exec("ready", 1)).build();
    var pod = sync(TestPods.pod("ready", c));

    assertThat(status(pod.getStatus(), "web").getState().getRunning()).isNotNull();
    assertThat(status(pod.getStatus(), "web").getReady()).isFalse();
    assertThat(condition(pod.getStatus(), "Ready")).isEqualTo("False");

    passing.add("sh -c ready");
    pod = syncUntil(pod, p -> status(p.getStatus(), "web").getReady());
    assertThat(condition(pod.getStatus(), "ContainersReady")).isEqualTo("True");
    assertThat(condition(pod.getStatus(), "Ready")).isEqualTo("True");

    passing.clear();
    pod = syncUntil(pod, p -> !status(p.getStatus(), "web").getReady());
    assertThat(condition(pod.getStatus(), "Ready")).isEqualTo("False");
    assertThat(status(pod.getStatus(), "web").getRestartCount()).isZero();
  }

  @Test
  @DisplayName("liveness probe failing failureThreshold times: the container is killed and restarted")
  void liveness() {
    Container c = new ContainerBuilder(TestPods.container("app"))
        .withLivenessProbe(exec("alive", 2)).build();
    passing.add("sh -c alive");
    var pod = sync(TestPods.pod("live", c));
    assertThat(status(pod.getStatus(), "app").getReady()).isTrue();

    passing.clear();
    pod = syncUntil(pod, p -> status(p.getStatus(), "app").getRestartCount() >= 1
        && status(p.getStatus(), "app").getState().getRunning() != null);

    var app = status(pod.getStatus(), "app");
    assertThat(app.getLastState().getTerminated()).isNotNull();
    assertThat(app.getLastState().getTerminated().getExitCode()).isEqualTo(143);
  }

  @Test
  @DisplayName("startup probe: the container is not started nor ready, and liveness waits, until it passes")
  void startup() {
    Container c = new ContainerBuilder(TestPods.container("slow"))
        .withStartupProbe(exec("started", 100))
        .withLivenessProbe(exec("alive", 1)).build();
    var pod = sync(TestPods.pod("slow", c));
    await().atMost(WAIT).until(() -> ran.contains("sh -c started"));
    pod = sync(pod);

    assertThat(status(pod.getStatus(), "slow").getStarted()).isFalse();
    assertThat(status(pod.getStatus(), "slow").getReady()).isFalse();
    assertThat(ran).doesNotContain("sh -c alive");

    passing.add("sh -c started");
    passing.add("sh -c alive");
    pod = syncUntil(pod, p -> status(p.getStatus(), "slow").getStarted());
    assertThat(status(pod.getStatus(), "slow").getReady()).isTrue();
    await().atMost(WAIT).until(() -> ran.contains("sh -c alive"));
  }

  @Test
  @DisplayName("terminate: the preStop hook runs before the stop, then probes stop")
  void preStop() {
    Container c = new ContainerBuilder(TestPods.container("main"))
        .withReadinessProbe(exec("ready", 1))
        .withNewLifecycle().withNewPreStop().withNewExec().withCommand("sh", "-c", "bye")
        .endExec().endPreStop().endLifecycle()
        .build();
    var pod = sync(TestPods.pod("bye", c));
    assertThat(probes.size()).isEqualTo(1);

    syncer.terminatePod(pod.getMetadata().getUid(), pod, 5);

    assertThat(ran).contains("sh -c bye");
    assertThat(containers(pod)).isEmpty();
    assertThat(probes.size()).isZero();
  }

  @Test
  @DisplayName("a failing postStart hook kills the container, which restarts by its policy")
  void postStartFails() {
    Container c = new ContainerBuilder(TestPods.container("main"))
        .withNewLifecycle().withNewPostStart().withNewExec().withCommand("sh", "-c", "hello")
        .endExec().endPostStart().endLifecycle()
        .build();

    var pod = sync(TestPods.pod("hook", c));

    assertThat(ran).contains("sh -c hello");
    assertThat(containers(pod)).extracting(x -> x.getState().name())
        .containsExactly("CONTAINER_EXITED");
    passing.add("sh -c hello");
    pod = sync(pod);
    assertThat(status(pod.getStatus(), "main").getRestartCount()).isEqualTo(1);
    assertThat(status(pod.getStatus(), "main").getState().getRunning()).isNotNull();
  }
}
