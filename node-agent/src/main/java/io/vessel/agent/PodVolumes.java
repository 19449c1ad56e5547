package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.vessel.cri.v1.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pod's volumes on this host, under {@code <rootDir>/volumes/<uid>/<volume>}: emptyDir (a
 * directory, or tmpfs for {@code medium: Memory}), configMap, secret, downwardAPI and projected
 * (files written once, when the pod first starts), and hostPath (the host's own path, checked by
 * its type). Containers get them as CRI bind mounts, with {@code subPath} and {@code readOnly}.
 *
 * <p>A volume that cannot be set up fails with {@link IllegalArgumentException} carrying the
 * kubelet's message; the pod's containers then wait in {@code ContainerCreating}.
 */
final class PodVolumes {
  private static final Logger LOG = LoggerFactory.getLogger(PodVolumes.class);

  private final Path root;
  private final PodObjects objects;
  private final NodeAllocatable node;

  PodVolumes(Path agentRoot, PodObjects objects, NodeAllocatable node) {
    this.root = agentRoot.resolve("volumes");
    this.objects = objects;
    this.node = node;
  }

  /** Sets up every volume of the pod (idempotent) and returns where each one lives on the host. */
  Map<String, Path> prepare(Pod pod) {
    var out = new LinkedHashMap<String, Path>();
    List<Volume> volumes = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
    var content = new VolumeContent(pod, objects, node);
    for (Volume v : volumes) {
      try {
        out.put(v.getName(), prepare(pod, v, content));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "MountVolume.SetUp failed for volume \"" + v.getName() + "\" : " + e.getMessage(), e);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "MountVolume.SetUp failed for volume \"" + v.getName() + "\" : " + e, e);
      }
    }
    return out;
  }

  private Path prepare(Pod pod, Volume v, VolumeContent content) throws IOException {
    if (v.getHostPath() != null) {
      return HostPathCheck.prepare(Path.of(v.getHostPath().getPath()), v.getHostPath().getType());
    }
    Path dir = root.resolve(pod.getMetadata().getUid()).resolve(v.getName());
    if (v.getEmptyDir() != null) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, VolumeFiles.permissions(0777));
        if ("Memory".equals(v.getEmptyDir().getMedium())) {
          mountTmpfs(dir, v.getEmptyDir().getSizeLimit());
        }
      }
      return dir;
    }
    if (VolumeFiles.written(dir)) {
      return dir; // written once per pod: no live update, and no API read on every sync
    }
    if (v.getConfigMap() != null) {
      var cm = v.getConfigMap();
      VolumeFiles.write(dir, content.configMap(cm.getName(), cm.getItems(), cm.getDefaultMode(), cm.getOptional()));
    } else if (v.getSecret() != null) {
      var s = v.getSecret();
      VolumeFiles.write(dir, content.secret(s.getSecretName(), s.getItems(), s.getDefaultMode(), s.getOptional()));
    } else if (v.getDownwardAPI() != null) {
      VolumeFiles.write(dir, content.downwardApi(v.getDownwardAPI().getItems(), v.getDownwardAPI().getDefaultMode()));
    } else if (v.getProjected() != null) {
      VolumeFiles.write(dir, content.projected(v.getProjected().getSources(), v.getProjected().getDefaultMode()));
    } else {
      throw new IllegalArgumentException("this volume type is not supported on this node");
    }
    return dir;
  }

  /** The container's volumeMounts as CRI mounts; a subPath that does not exist is made a dir. */
  static List<Mount> mounts(Container container, Map<String, Path> volumes) {
    var out = new ArrayList<Mount>();
    if (container.getVolumeMounts() == null) {
      return out;
    }
    for (VolumeMount m : container.getVolumeMounts()) {
      Path host = volumes.get(m.getName());
      if (host == null) {
        throw new IllegalArgumentException("volume " + m.getName() + " is not prepared");
      }
      if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
        Path sub = host.resolve(m.getSubPath()).normalize();
        if (!sub.startsWith(host)) {
          throw new IllegalArgumentException("subPath " + m.getSubPath() + " escapes its volume");
        }
        if (!Files.exists(sub)) {
          try {
            Files.createDirectories(sub);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        host = resolveLinks(sub);
      }
      out.add(
          Mount.newBuilder()
              .setContainerPath(m.getMountPath())
              .setHostPath(host.toString())
              .setReadonly(Boolean.TRUE.equals(m.getReadOnly()))
              .build());
    }
    return out;
  }

  /** The atomic writer's entries are symlinks; a bind mount of a subPath needs the file itself. */
  private static Path resolveLinks(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unmounts what is mounted under the pod's volumes and removes them; never throws. */
  void remove(String uid) {
    Path dir = root.resolve(uid);
    if (!Files.exists(dir)) {
      return;
    }
    for (Path mounted : HostMounts.under(dir)) {
      HostMounts.unmount(mounted);
    }
    if (!HostMounts.under(dir).isEmpty()) {
      LOG.warn("pod {}: volumes still mounted under {}; left in place", uid, dir);
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("pod {}: cannot remove {}: {}", uid, dir, e.toString());
    }
  }

  private static void mountTmpfs(Path dir, io.fabric8.kubernetes.api.model.Quantity sizeLimit)
      throws IOException {
    String options = "mode=0777";
    if (sizeLimit != null) {
      options += ",size=" + io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(sizeLimit).longValue();
    }
    HostMounts.mountTmpfs(dir, options);
  }
}
