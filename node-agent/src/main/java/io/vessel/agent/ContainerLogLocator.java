package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the log file a container-log request means: {@code <pod log dir>/<container>/<attempt>.log}
 * (the path {@link ContainerConfigs} gives the runtime), the newest attempt for the current
 * container, the one before it for {@code previous}. Answers with the kubelet's errors for a pod it
 * does not run, a container the pod does not have, and a container with no log yet.
 *
 * <p>Blocking (it lists directories); safe to call from any thread.
 */
final class ContainerLogLocator {
  private static final Pattern ATTEMPT_LOG = Pattern.compile("(0|[1-9][0-9]{0,8})\\.log");

  /** The pods this node runs, by namespace and name; empty for any other. */
  interface PodLookup {
    Optional<Pod> pod(String namespace, String name);
  }

  /** One attempt's log file of one container. */
  record ContainerLog(String podUid, Path containerDir, String container, int attempt) {
    Path file() {
      return containerDir.resolve(attempt + ".log");
    }
  }

  private final AgentConfig config;
  private final PodLookup pods;

  ContainerLogLocator(AgentConfig config, PodLookup pods) {
    this.config = config;
    this.pods = pods;
  }

  /**
   * @throws KubeletException 404 for an unknown pod, 400 for an unknown container or a container
   *     without the log asked for
   */
  ContainerLog locate(String namespace, String podName, String container, boolean previous) {
    Pod pod =
        pods.pod(namespace, podName)
            .orElseThrow(
                () -> KubeletException.notFound(
                    "pod \"" + namespace + "/" + podName + "\" not found"));
    if (!hasContainer(pod, container)) {
      throw KubeletException.badRequest(
          "container \"" + container + "\" in pod \"" + podName + "\" is not valid");
    }
    var meta = pod.getMetadata();
    Path dir = config.podLogDir(namespace, podName, meta.getUid()).resolve(container);
    List<Integer> attempts = attempts(dir);
    if (previous) {
      // In a restart back-off the newest attempt is the one that just died: the pod's status
      // shows it as lastState, and that is what --previous shows upstream.
      if (waitingToRestart(pod, container) && !attempts.isEmpty()) {
        return new ContainerLog(meta.getUid(), dir, container, attempts.get(attempts.size() - 1));
      }
      if (attempts.size() < 2) {
        throw KubeletException.badRequest(
            "previous terminated container \"" + container + "\" in pod \"" + podName
                + "\" not found");
      }
      return new ContainerLog(meta.getUid(), dir, container, attempts.get(attempts.size() - 2));
    }
    if (attempts.isEmpty()) {
      throw KubeletException.badRequest(
          "container \"" + container + "\" in pod \"" + podName + "\" is waiting to start: "
              + waitingReason(pod, container));
    }
    return new ContainerLog(meta.getUid(), dir, container, attempts.get(attempts.size() - 1));
  }

  /** Whether the container has been started again since {@code log}'s attempt. */
  boolean superseded(ContainerLog log) {
    var attempts = attempts(log.containerDir());
    return !attempts.isEmpty() && attempts.get(attempts.size() - 1) > log.attempt();
  }

  /** The attempts with a log file, in ascending order. */
  static List<Integer> attempts(Path containerDir) {
    var attempts = new ArrayList<Integer>();
    try (Stream<Path> files = Files.list(containerDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        var m = ATTEMPT_LOG.matcher(f.getFileName().toString());
        if (m.matches()) {
          attempts.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of(); // no attempt has been created yet
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + containerDir + ": " + e, e);
    }
    attempts.sort(null);
    return attempts;
  }

  /** Init containers count: their logs are served as any container's. */
  private static boolean hasContainer(Pod pod, String name) {
    var spec = pod.getSpec();
    return Stream.of(spec.getContainers(), spec.getInitContainers())
        .filter(l -> l != null)
        .flatMap(List<Container>::stream)
        .anyMatch(c -> name.equals(c.getName()));
  }

  /** Whether the status shows the container waiting after a terminated run (a restart back-off). */
  private static boolean waitingToRestart(Pod pod, String container) {
    return statuses(pod)
        .filter(s -> container.equals(s.getName()))
        .anyMatch(
            s ->
                s.getState() != null
                    && s.getState().getWaiting() != null
                    && s.getLastState() != null
                    && s.getLastState().getTerminated() != null);
  }

  private static Stream<ContainerStatus> statuses(Pod pod) {
    var status = pod.getStatus();
    if (status == null) {
      return Stream.empty();
    }
    return Stream.of(status.getContainerStatuses(), status.getInitContainerStatuses())
        .filter(l -> l != null)
        .flatMap(List<ContainerStatus>::stream);
  }

  /** The waiting reason the pod's status gives the container, else ContainerCreating. */
  private static String waitingReason(Pod pod, String container) {
    return statuses(pod)
        .filter(s -> container.equals(s.getName()))
        .map(s -> s.getState() == null ? null : s.getState().getWaiting())
        .filter(w -> w != null && w.getReason() != null && !w.getReason().isEmpty())
        .map(w -> w.getReason())
        .findFirst()
        .orElse("ContainerCreating");
  }
}
