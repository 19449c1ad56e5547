package io.vessel.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a volume's files the way the kubelet's atomic writer lays them out: the files in a
 * hidden timestamped directory, {@code ..data} a symlink to it, and each top-level entry a symlink
 * through {@code ..data}, so a process never sees half of a set.
 */
final class VolumeFiles {
  /** One file: its bytes and its permission bits. */
  record File(byte[] content, int mode) {}

  private VolumeFiles() {}

  /** Whether {@code dir} already holds a written set. */
  static boolean written(Path dir) {
    return Files.exists(dir.resolve("..data"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  static void write(Path dir, Map<String, File> files) throws IOException {
    Files.createDirectories(dir);
    Path data = dir.resolve("..data");
    Path stamped = dir.resolve(".." + System.nanoTime());
    Files.createDirectory(stamped);
    for (var entry : files.entrySet()) {
      Path target = stamped.resolve(entry.getKey()).normalize();
      if (!target.startsWith(stamped)) {
        throw new IllegalArgumentException("volume path escapes its volume: " + entry.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, entry.getValue().content());
      Files.setPosixFilePermissions(target, permissions(entry.getValue().mode()));
    }
    Files.setPosixFilePermissions(stamped, permissions(0755));
    Files.createSymbolicLink(data, stamped.getFileName());
    for (String top : topLevel(files.keySet())) {
      Files.createSymbolicLink(dir.resolve(top), Path.of("..data", top));
    }
  }

  private static Set<String> topLevel(Set<String> paths) {
    var out = new java.util.TreeSet<String>();
    for (String p : paths) {
      int slash = p.indexOf('/');
      out.add(slash < 0 ? p : p.substring(0, slash));
    }
    return out;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    var set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
