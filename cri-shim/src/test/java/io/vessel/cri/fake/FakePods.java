package io.vessel.cri.fake;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ContainerStats;
import io.vessel.cri.v1.ContainerStatsFilter;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.Image;
import io.vessel.cri.v1.LinuxContainerResources;
import io.vessel.cri.v1.PodSandbox;
import io.vessel.cri.v1.PodSandboxConfig;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.cri.v1.PodSandboxStatus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fake's sandboxes and containers, moving through containerd 1.6's states with its error codes
 * and messages:
 *
 * <ul>
 *   <li>a sandbox is READY from RunPodSandbox until StopPodSandbox, which kills its containers and
 *       releases its IP; RemovePodSandbox stops it first and removes its containers;
 *   <li>a container goes CREATED → RUNNING (StartContainer) → EXITED (StopContainer, or {@link
 *       #exitContainer}); a failed start leaves it EXITED with exit code 128 and reason StartError;
 *   <li>RemoveContainer of a running container kills it first, and RemoveContainer or
 *       RemovePodSandbox of an unknown id succeeds (the CRI makes both idempotent);
 *   <li>names are reserved per name and attempt, so re-creating with the same attempt fails.
 * </ul>
 *
 * <p>Thread-safe: every method holds this object's lock.
 */
final class FakePods {

  /** What runc reports for a process killed by SIGKILL and by SIGTERM. */
  private static final int EXIT_SIGKILL = 137;

  private static final int EXIT_SIGTERM = 143;

  /** containerd's exit code and reason for a container whose task never started. */
  private static final int EXIT_START_ERROR = 128;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final FakeImageService images;

  // All guarded by this; insertion order keeps list results stable.
  private final Map<String, FakeSandbox> sandboxes = new LinkedHashMap<>();
  private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
  private final Map<String, String> reservedNames = new HashMap<>();
  private int nextIp = 2;
  private String nextStartFailure;

  FakePods(FakeImageService images) {
    this.images = images;
  }

  // ---- sandboxes ----

  synchronized String runPodSandbox(PodSandboxConfig config, String runtimeHandler) {
    if (!config.hasMetadata()) {
      throw unknown("sandbox config must include metadata");
    }
    var m = config.getMetadata();
    String name = String.join("_", m.getName(), m.getNamespace(), m.getUid(), "" + m.getAttempt());
    String id = newId();
    reserve(name, id, "sandbox");
    var sandbox =
        new FakeSandbox(
            id, name, config, runtimeHandler, FakeClock.nowNanos(), "10.88.0." + nextIp++);
    sandboxes.put(id, sandbox);
    return id;
  }

  synchronized void stopPodSandbox(String id) {
    var sandbox = sandboxes.get(id);
    if (sandbox == null) {
      throw notFound("an error occurred when try to find sandbox \"" + id + "\": not found");
    }
    stop(sandbox);
  }

  synchronized void removePodSandbox(String id) {
    var sandbox = sandboxes.get(id);
    if (sandbox == null) {
      return;
    }
    stop(sandbox);
    for (var it = containers.values().iterator(); it.hasNext(); ) {
      var c = it.next();
      if (c.sandboxId.equals(id)) {
        release(c.name);
        it.remove();
      }
    }
    sandboxes.remove(id);
    release(sandbox.name);
  }

  synchronized PodSandboxStatus podSandboxStatus(String id) {
    var sandbox = sandboxes.get(id);
    if (sandbox == null) {
      throw notFound("an error occurred when try to find sandbox: not found");
    }
    return sandbox.status();
  }

  synchronized List<PodSandbox> listPodSandbox(PodSandboxFilter filter) {
    var items = new ArrayList<PodSandbox>();
    for (var s : sandboxes.values()) {
      boolean matches =
          (filter.getId().isEmpty() || filter.getId().equals(s.id))
              && (!filter.hasState() || filter.getState().getState() == s.state)
              && hasLabels(s.config.getLabelsMap(), filter.getLabelSelectorMap());
      if (matches) {
        items.add(s.summary());
      }
    }
    return items;
  }

  /** The sandbox's state, or NOT_FOUND with the message the calling RPC would give. */
  synchronized PodSandboxState sandboxState(String id, String notFoundMessage) {
    var sandbox = sandboxes.get(id);
    if (sandbox == null) {
      throw notFound(notFoundMessage);
    }
    return sandbox.state;
  }

  // ---- containers ----

  synchronized String createContainer(
      String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
    var sandbox = sandboxes.get(sandboxId);
    if (sandbox == null) {
      throw notFound("failed to find sandbox id \"" + sandboxId + "\": not found");
    }
    if (sandbox.state != PodSandboxState.SANDBOX_READY) {
      throw notFound("failed to get sandbox container task: no running task found: not found");
    }
    if (!config.hasMetadata()) {
      throw unknown("container config must include metadata");
    }
    var m = config.getMetadata();
    var s = sandboxConfig.getMetadata();
    String name =
        String.join(
            "_", m.getName(), s.getName(), s.getNamespace(), s.getUid(), "" + m.getAttempt());
    String imageName = config.getImage().getImage();
    Image image =
        images
            .resolve(imageName)
            .orElseThrow(
                () -> notFound("failed to resolve image \"" + imageName + "\": not found"));
    String id = newId();
    reserve(name, id, "container");
    String logPath =
        sandboxConfig.getLogDirectory().isEmpty() || config.getLogPath().isEmpty()
            ? ""
            : sandboxConfig.getLogDirectory() + "/" + config.getLogPath();
    var ctr =
        new FakeContainer(
            id, name, sandboxId, config, image.getId(), logPath, FakeClock.nowNanos());
    containers.put(id, ctr);
    return id;
  }

  synchronized void startContainer(String id) {
    var ctr =
        container(id, "an error occurred when try to find container \"" + id + "\": not found");
    if (ctr.state != ContainerState.CONTAINER_CREATED) {
      throw unknown(
          "failed to set starting state for container \""
              + id
              + "\": container is in "
              + ctr.state
              + " state");
    }
    var sandbox = sandboxes.get(ctr.sandboxId);
    String failure = null;
    if (sandbox == null || sandbox.state != PodSandboxState.SANDBOX_READY) {
      failure = "sandbox container \"" + ctr.sandboxId + "\" is not running";
    } else if (nextStartFailure != null) {
      failure = "failed to create containerd task: " + nextStartFailure;
      nextStartFailure = null;
    }
    if (failure != null) {
      ctr.exit(EXIT_START_ERROR, "StartError", failure);
      throw unknown(failure);
    }
    ctr.state = ContainerState.CONTAINER_RUNNING;
    ctr.startedAt = FakeClock.nowNanos();
  }

  synchronized void stopContainer(String id, long gracePeriodSeconds) {
    var ctr =
        container(id, "an error occurred when try to find container \"" + id + "\": not found");
    if (ctr.state == ContainerState.CONTAINER_RUNNING) {
      ctr.exit(gracePeriodSeconds > 0 ? EXIT_SIGTERM : EXIT_SIGKILL, null, "");
    }
  }

  synchronized void removeContainer(String id) {
    var ctr = containers.get(id);
    if (ctr == null) {
      return;
    }
    if (ctr.state == ContainerState.CONTAINER_RUNNING) {
      ctr.exit(EXIT_SIGKILL, null, "");
    }
    containers.remove(id);
    release(ctr.name);
  }

  synchronized List<Container> listContainers(ContainerFilter filter) {
    return containers.values().stream()
        .filter(
            c ->
                (filter.getId().isEmpty() || filter.getId().equals(c.id))
                    && (filter.getPodSandboxId().isEmpty()
                        || filter.getPodSandboxId().equals(c.sandboxId))
                    && (!filter.hasState() || filter.getState().getState() == c.state)
                    && hasLabels(c.config.getLabelsMap(), filter.getLabelSelectorMap()))
        .map(FakeContainer::summary)
        .toList();
  }

  synchronized ContainerStatus containerStatus(String id) {
    return container(id, "an error occurred when try to find container \"" + id + "\": not found")
        .status(images);
  }

  /** The container's state, or NOT_FOUND with the message the calling RPC would give. */
  synchronized ContainerState containerState(String id, String notFoundMessage) {
    return container(id, notFoundMessage).state;
  }

  synchronized void updateContainerResources(String id, LinuxContainerResources resources) {
    container(id, "failed to find container: not found").resources = resources;
  }

  synchronized ContainerStats containerStats(String id) {
    return container(id, "failed to find container: not found").stats();
  }

  /** Like containerd, only containers with a running task have stats. */
  synchronized List<ContainerStats> listContainerStats(ContainerStatsFilter filter) {
    Predicate<FakeContainer> matches =
        c ->
            c.state == ContainerState.CONTAINER_RUNNING
                && (filter.getId().isEmpty() || filter.getId().equals(c.id))
                && (filter.getPodSandboxId().isEmpty()
                    || filter.getPodSandboxId().equals(c.sandboxId))
                && hasLabels(c.config.getLabelsMap(), filter.getLabelSelectorMap());
    return containers.values().stream().filter(matches).map(FakeContainer::stats).toList();
  }

  // ---- test hooks ----

  /** The container's process ends by itself with this exit code. */
  synchronized void exitContainer(String id, int exitCode) {
    var ctr = containers.get(id);
    if (ctr == null || ctr.state != ContainerState.CONTAINER_RUNNING) {
      throw new IllegalStateException("container " + id + " is not running");
    }
    ctr.exit(exitCode, null, "");
  }

  synchronized void failNextStart(String message) {
    nextStartFailure = message;
  }

  // ---- internals ----

  private void stop(FakeSandbox sandbox) {
    for (var c : containers.values()) {
      if (c.sandboxId.equals(sandbox.id) && c.state == ContainerState.CONTAINER_RUNNING) {
        c.exit(EXIT_SIGKILL, null, "");
      }
    }
    sandbox.state = PodSandboxState.SANDBOX_NOTREADY;
    sandbox.ip = "";
  }

  private FakeContainer container(String id, String notFoundMessage) {
    var ctr = containers.get(id);
    if (ctr == null) {
      throw notFound(notFoundMessage);
    }
    return ctr;
  }

  private void reserve(String name, String id, String kind) {
    var holder = reservedNames.putIfAbsent(name, id);
    if (holder != null) {
      throw unknown(
          "failed to reserve "
              + kind
              + " name \""
              + name
              + "\": name \""
              + name
              + "\" is reserved for \""
              + holder
              + "\"");
    }
  }

  private void release(String name) {
    reservedNames.remove(name);
  }

  private static boolean hasLabels(Map<String, String> labels, Map<String, String> selector) {
    return labels.entrySet().containsAll(selector.entrySet());
  }

  private static String newId() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static StatusRuntimeException notFound(String message) {
    return Status.NOT_FOUND.withDescription(message).asRuntimeException();
  }

  private static StatusRuntimeException unknown(String message) {
    return Status.UNKNOWN.withDescription(message).asRuntimeException();
  }
}
