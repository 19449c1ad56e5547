package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.vessel.agent.probe.ProbeManager;
import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.PodSandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of bringing the runtime toward a pod's spec ({@link #syncPod}), and tearing a pod down
 * ({@link #terminatePod}). Level-triggered: every pass reads the runtime afresh ({@link
 * PodRuntime}), does at most one step per container, and says when to look again; the relister
 * wakes the pod when a container exits.
 *
 * <p>Calls for one pod UID never overlap ({@link PodWorkers} serializes them); different pods run
 * in parallel, so per-pod state lives in concurrent maps keyed by UID.
 */
final class PodSyncer {
  private static final Logger LOG = LoggerFactory.getLogger(PodSyncer.class);

  /** What a pass produced: the status to report, and when to sync again (null: on events only). */
  record SyncResult(PodStatus status, Duration requeueAfter) {}

  /** Why a container is not running, for containers the runtime cannot tell about. */
  record Waiting(String reason, String message) {}

  private final CriClient cri;
  private final AgentConfig agent;
  private final String hostIp;
  private final SandboxConfigs sandboxes;
  private final ImagePuller images;
  private final PodObjects objects;
  private final NodeAllocatable allocatable;
  private final BackOff backOff;
  private final PodStatusBuilder statusBuilder;
  private final ProbeManager probes;
  private final ContainerKiller killer;
  private final TerminationLogs terminationLogs;
  private final Map<String, Map<String, Waiting>> waiting = new ConcurrentHashMap<>();
  private final PodVolumes volumes;
  /** Per pod UID, where each of its volumes lives on this host. */
  private final Map<String, Map<String, java.nio.file.Path>> volumeDirs = new ConcurrentHashMap<>();

  PodSyncer(
      CriClient cri,
      AgentConfig agent,
      String hostIp,
      PodObjects objects,
      NodeAllocatable allocatable,
      BackOff backOff,
      Clock clock,
      ProbeManager probes) {
    this.cri = cri;
    this.objects = objects;
    this.allocatable = allocatable;
    this.volumes = new PodVolumes(agent.rootDir(), objects, allocatable);
    this.agent = agent;
    this.hostIp = hostIp;
    this.sandboxes = new SandboxConfigs(agent);
    this.backOff = backOff;
    this.images = new ImagePuller(cri, backOff, clock);
    this.probes = probes;
    this.killer = new ContainerKiller(cri, probes.prober());
    this.terminationLogs = new TerminationLogs(agent.rootDir());
    this.statusBuilder =
        new PodStatusBuilder(
            hostIp, cri.runtimeVersion().runtimeName(), clock, probes, terminationLogs);
  }

  SyncResult syncPod(Pod pod) {
    String uid = pod.getMetadata().getUid();
    var podWaiting = waiting.computeIfAbsent(uid, k -> new ConcurrentHashMap<>());
    var runtime = PodRuntime.load(cri, uid);
    Duration requeue = null;
    if (!PodStatusBuilder.isTerminal(pod)) {
      requeue = converge(pod, runtime, podWaiting);
      runtime = PodRuntime.load(cri, uid);
    }
    var status = statusBuilder.build(pod, runtime, podWaiting);
    if (PodStatusBuilder.isTerminal(pod) || isTerminal(status)) {
      probes.forget(uid);
    } else {
      probes.update(pod, running(runtime));
    }
    if (runtime.ready().isPresent()
        && ("Succeeded".equals(status.getPhase()) || "Failed".equals(status.getPhase()))) {
      // as the kubelet: a finished pod keeps its containers (for logs) but not its sandbox's
      // pause process, shim and IP; the status keeps the IP it had
      cri.stopPodSandbox(runtime.ready().get().getId());
      LOG.info("pod {}/{}: {}; sandbox stopped", ns(pod), name(pod), status.getPhase());
    }
    return new SyncResult(status, requeue);
  }

  private Duration converge(Pod pod, PodRuntime runtime, Map<String, Waiting> podWaiting) {
    var spec = pod.getSpec();
    String policy = spec.getRestartPolicy() == null ? "Always" : spec.getRestartPolicy();
    try {
      volumeDirs.put(pod.getMetadata().getUid(), volumes.prepare(pod));
    } catch (IllegalArgumentException e) {
      // as the kubelet: nothing starts until every volume is set up
      List<Container> all = new java.util.ArrayList<>(spec.getContainers());
      if (spec.getInitContainers() != null) {
        all.addAll(spec.getInitContainers());
      }
      for (Container c : all) {
        if (runtime.latest(c.getName()).isEmpty()) {
          podWaiting.put(c.getName(), new Waiting("ContainerCreating", e.getMessage()));
        }
      }
      LOG.info("pod {}/{}: {}", ns(pod), name(pod), e.getMessage());
      return Duration.ofSeconds(2);
    }
    if (runtime.ready().isEmpty()) {
      if ("Never".equals(policy) && !runtime.containers().isEmpty()) {
        return null; // its sandbox died after containers ran: a Never pod does not start over
      }
      removeAll(runtime, 0);
      String id = cri.runPodSandbox(sandboxes.build(pod, runtime.sandboxes().size()), "");
      LOG.info("pod {}/{}: sandbox {} running", ns(pod), name(pod), shortId(id));
      runtime = PodRuntime.load(cri, pod.getMetadata().getUid());
      if (runtime.ready().isEmpty()) {
        return Duration.ofSeconds(1);
      }
    }
    var sandboxStatus = runtime.ready().get();
    var sandboxConfig = sandboxes.build(pod, (int) sandboxStatus.getMetadata().getAttempt());
    String sandboxId = sandboxStatus.getId();
    List<Container> inits = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    for (Container init : inits) {
      var latest = runtime.latest(init.getName());
      if (latest.isPresent() && PodRuntime.exited(latest.get()) && latest.get().getExitCode() == 0) {
        continue; // done: on to the next one
      }
      if (latest.isPresent() && PodRuntime.exited(latest.get()) && "Never".equals(policy)) {
        return null; // a failed init container fails a Never pod
      }
      // run it, or wait for it: init containers run one at a time, in order
      return step(pod, init, latest, sandboxId, sandboxConfig, runtime.podIp(), podWaiting, true);
    }
    Duration requeue = null;
    for (Container c : spec.getContainers()) {
      var latest = runtime.latest(c.getName());
      if (latest.isPresent() && PodRuntime.running(latest.get())) {
        var why = probes.killRequest(latest.get().getId());
        if (why.isPresent()) {
          Probe failed = c.getStartupProbe() != null
              && !probes.started(pod.getMetadata().getUid(), c, latest.get().getId())
              ? c.getStartupProbe() : c.getLivenessProbe();
          killer.kill(ns(pod) + "/" + name(pod), c, latest.get(), runtime.podIp(),
              ContainerKiller.terminationGrace(pod, failed), why.get());
          probes.killed(latest.get().getId());
          // look again at once: the next pass restarts it by policy and back-off
          requeue = min(requeue, Duration.ofMillis(100));
          continue;
        }
      }
      if (latest.isPresent() && PodRuntime.exited(latest.get())
          && !shouldRestart(policy, latest.get().getExitCode())) {
        continue;
      }
      requeue = min(requeue,
          step(pod, c, latest, sandboxId, sandboxConfig, runtime.podIp(), podWaiting, false));
    }
    return requeue;
  }

  /** One step for one container: start it, restart it (after its back-off), or leave it be. */
  private Duration step(
      Pod pod, Container c, Optional<ContainerStatus> latest, String sandboxId,
      PodSandboxConfig sandboxConfig, String podIp, Map<String, Waiting> podWaiting, boolean init) {
    if (latest.isEmpty()) {
      return start(pod, c, 0, sandboxId, sandboxConfig, podIp, podWaiting);
    }
    var last = latest.get();
    if (!PodRuntime.exited(last)) {
      return null; // running, or created and about to be: the relister reports changes
    }
    String key = backOffKey(pod, c);
    Instant finished = Instant.ofEpochSecond(0, last.getFinishedAt());
    Duration wait = backOff.remaining(key, finished);
    if (!wait.isZero()) {
      podWaiting.put(c.getName(), new Waiting("CrashLoopBackOff", crashLoopMessage(pod, c, key)));
      return wait;
    }
    backOff.next(key);
    int attempt = (int) last.getMetadata().getAttempt() + 1;
    LOG.info("pod {}/{}: restarting container {} (attempt {}, exit code {})",
        ns(pod), name(pod), c.getName(), attempt, last.getExitCode());
    return start(pod, c, attempt, sandboxId, sandboxConfig, podIp, podWaiting);
  }

  private Duration start(
      Pod pod, Container c, int attempt, String sandboxId, PodSandboxConfig sandboxConfig,
      String podIp, Map<String, Waiting> podWaiting) {
    String uid = pod.getMetadata().getUid();
    var image = images.ensure(uid, c);
    if (!image.ready()) {
      podWaiting.put(c.getName(), new Waiting(image.reason(), image.message()));
      return image.retryAfter();
    }
    String id;
    try {
      var env = new ContainerEnv(pod, objects, allocatable, podIp, hostIp).of(c);
      var mounts = PodVolumes.mounts(c, volumeDirs.getOrDefault(uid, Map.of()));
      var config = ContainerConfigs.build(pod, c, attempt, env, mounts, image.imageRef());
      config = terminationLogs.withMount(config, uid, c, attempt);
      id = cri.createContainer(sandboxId, config, sandboxConfig);
    } catch (IllegalArgumentException | IllegalStateException e) {
      podWaiting.put(c.getName(), new Waiting("CreateContainerConfigError", e.getMessage()));
      return BackOff.INITIAL;
    } catch (CriException e) {
      podWaiting.put(c.getName(), new Waiting("CreateContainerError", e.getMessage()));
      return BackOff.INITIAL;
    }
    podWaiting.remove(c.getName());
    try {
      cri.startContainer(id);
    } catch (CriException e) {
      // the runtime leaves it EXITED (StartError, 128): the next pass restarts it by policy
      LOG.info("pod {}/{}: container {} failed to start: {}", ns(pod), name(pod), c.getName(),
          e.getMessage());
      return Duration.ofSeconds(1);
    }
    removeOlderAttempts(uid, c.getName(), attempt);
    if (!killer.postStart(pod, c, id, podIp)) {
      return Duration.ofSeconds(1);
    }
    return null;
  }

  /**
   * Stops the pod's containers (each gets {@code gracePeriodSeconds}), then its sandboxes, removes
   * them all, and cleans what containerd leaves behind. Idempotent: a pod with nothing left in the
   * runtime is a no-op apart from the cleanup.
   */
  void terminatePod(String uid, long gracePeriodSeconds) {
    terminatePod(uid, null, gracePeriodSeconds);
  }

  /**
   * As {@link #terminatePod(String, long)}, running each container's preStop hook from {@code
   * lastKnown}'s spec first; the hooks and stops of all containers share one deadline.
   */
  void terminatePod(String uid, Pod lastKnown, long gracePeriodSeconds) {
    probes.forget(uid);
    var runtime = PodRuntime.load(cri, uid);
    long deadline = System.nanoTime() + gracePeriodSeconds * 1_000_000_000L;
    String podName = lastKnown == null ? uid : ns(lastKnown) + "/" + name(lastKnown);
    for (ContainerStatus c : runtime.containers()) {
      if (PodRuntime.running(c)) {
        long left = Math.max(0, (deadline - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
        killer.kill(podName, spec(lastKnown, c.getMetadata().getName()), c, runtime.podIp(),
            Math.min(gracePeriodSeconds, left), "Stopping container " + c.getMetadata().getName());
      }
    }
    for (var s : runtime.sandboxes()) {
      cri.stopPodSandbox(s.getId());
    }
    removeAll(runtime, gracePeriodSeconds);
    for (var s : runtime.sandboxes()) {
      var m = s.getMetadata();
      PodCleanup.remove(agent.podLogDir(m.getNamespace(), m.getName(), m.getUid()), uid);
    }
    volumes.remove(uid);
    volumeDirs.remove(uid);
    waiting.remove(uid);
    terminationLogs.forget(uid);
    images.forget(uid);
    backOff.forgetPrefix(uid + "/");
    LOG.info("pod {}: terminated ({} sandboxes, {} containers)", uid, runtime.sandboxes().size(),
        runtime.containers().size());
  }

  private void removeAll(PodRuntime runtime, long grace) {
    for (ContainerStatus c : runtime.containers()) {
      if (PodRuntime.running(c)) {
        cri.stopContainer(c.getId(), grace);
      }
      cri.removeContainer(c.getId());
    }
    for (var s : runtime.sandboxes()) {
      cri.stopPodSandbox(s.getId());
      cri.removePodSandbox(s.getId());
    }
  }

  /** Keeps the new attempt and the one before it (for {@code logs --previous}); removes older. */
  private void removeOlderAttempts(String uid, String name, int attempt) {
    if (attempt < 2) {
      return;
    }
    for (var c : PodRuntime.load(cri, uid).attempts(name)) {
      if (c.getMetadata().getAttempt() < attempt - 1 && PodRuntime.exited(c)) {
        cri.removeContainer(c.getId());
      }
    }
  }

  /** The pod's running containers by name, for the probes. */
  private static Map<String, ProbeManager.Running> running(PodRuntime runtime) {
    var byName = new HashMap<String, ProbeManager.Running>();
    for (ContainerStatus c : runtime.containers()) {
      if (PodRuntime.running(c)) {
        byName.put(c.getMetadata().getName(),
            new ProbeManager.Running(c.getId(), Instant.ofEpochSecond(0, c.getStartedAt()),
                runtime.podIp()));
      }
    }
    return byName;
  }

  private static Container spec(Pod pod, String name) {
    if (pod == null || pod.getSpec() == null) {
      return null;
    }
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static boolean isTerminal(PodStatus status) {
    return "Succeeded".equals(status.getPhase()) || "Failed".equals(status.getPhase());
  }

  static boolean shouldRestart(String policy, int exitCode) {
    return switch (policy) {
      case "Never" -> false;
      case "OnFailure" -> exitCode != 0;
      default -> true;
    };
  }

  static String backOffKey(Pod pod, Container c) {
    return pod.getMetadata().getUid() + "/" + c.getName();
  }

  private String crashLoopMessage(Pod pod, Container c, String key) {
    return "back-off " + backOff.delay(key).toSeconds() + "s restarting failed container="
        + c.getName() + " pod=" + name(pod) + "_" + ns(pod) + "(" + pod.getMetadata().getUid()
        + ")";
  }

  private static Duration min(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static String ns(Pod pod) {
    return pod.getMetadata().getNamespace();
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
