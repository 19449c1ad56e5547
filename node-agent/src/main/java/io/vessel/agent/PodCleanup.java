package io.vessel.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What containerd leaves behind after RemovePodSandbox (CRI-NOTES): the pod's log directory and
 * its pod-level cgroup directories in every cgroup v1 controller.
 */
final class PodCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(PodCleanup.class);
  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  private static final List<String> QOS_DIRS =
      List.of("kubepods", "kubepods/burstable", "kubepods/besteffort");

  private PodCleanup() {}

  /** Removes the log dir and the pod cgroups; failures are logged, never thrown. */
  static void remove(Path podLogDir, String uid) {
    deleteTree(podLogDir);
    removeCgroups(uid);
  }

  private static void removeCgroups(String uid) {
    if (!Files.isDirectory(CGROUP_ROOT)) {
      return;
    }
    try (Stream<Path> controllers = Files.list(CGROUP_ROOT)) {
      for (Path controller : controllers.toList()) {
        for (String qos : QOS_DIRS) {
          Path dir = controller.resolve(qos).resolve("pod" + uid);
          if (Files.isDirectory(dir)) {
            try {
              // cgroup directories are removed with rmdir, and only once they are empty
              Files.delete(dir);
            } catch (IOException e) {
              LOG.debug("cannot remove cgroup {}: {}", dir, e.toString());
            }
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", CGROUP_ROOT, e.toString());
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", dir, e.toString());
    }
  }
}
