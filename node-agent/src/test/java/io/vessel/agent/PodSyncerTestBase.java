package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vessel.agent.probe.ProbeManager;
import io.vessel.certs.CertificateAuthority;
import io.vessel.cri.CriClient;
import io.vessel.cri.fake.FakeRuntime;
import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake runtime on a real unix socket, a client to it, and a PodSyncer on a hand-moved clock.
 * Tests keep feeding the syncer the status it built, as the status writer does.
 */
abstract class PodSyncerTestBase {
  /** The syncer serves no kubelet API; the config still needs a CA. */
  static final CertificateAuthority TEST_CA = CertificateAuthority.create();

  @TempDir Path root;
  FakeRuntime runtime;
  CriClient cri;
  MutableClock clock;
  PodSyncer syncer;
  /** The ConfigMaps and Secrets pods may refer to; tests add theirs before syncing. */
  final TestPodObjects objects = new TestPodObjects();

  @BeforeEach
  void start() {
    runtime = FakeRuntime.start();
    runtime.addImage(TestPods.BUSYBOX);
    cri = CriClient.builder().endpoint(runtime.endpoint()).callTimeout(Duration.ofSeconds(10)).connect();
    clock = new MutableClock();
    syncer = syncer(new ProbeManager(cri, uid -> {}, clock));
  }

  /** A syncer on this runtime and clock whose probes run on {@code probes}. */
  PodSyncer syncer(ProbeManager probes) {
    return new PodSyncer(
        cri, new AgentConfig("node-a", root, "unix:///fake", TEST_CA.certificatePem()), "10.0.0.1",
        objects, new NodeAllocatable(2000, 4L << 30, 20L << 30), new BackOff(clock), clock, probes);
  }

  @AfterEach
  void stop() {
    cri.close();
    runtime.close();
  }

  /** Syncs and returns the pod carrying the new status (what the next sync would see). */
  Pod sync(Pod pod) {
    return TestPods.withStatus(pod, syncer.syncPod(pod).status());
  }

  List<Container> containers(Pod pod) {
    return cri.listContainers(
        ContainerFilter.newBuilder()
            .putLabelSelector(PodLabels.POD_UID, pod.getMetadata().getUid())
            .build());
  }

  /** The id of the running container named {@code name}. */
  String runningId(Pod pod, String name) {
    return containers(pod).stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .filter(c -> c.getState() == ContainerState.CONTAINER_RUNNING)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no running container " + name))
        .getId();
  }

  static ContainerStatus status(PodStatus status, String name) {
    return status.getContainerStatuses().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static ContainerStatus initStatus(PodStatus status, String name) {
    return status.getInitContainerStatuses().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String condition(PodStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow()
        .getStatus();
  }
}
