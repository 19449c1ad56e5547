package io.vessel.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The host's mount table and the mount tool, for tmpfs emptyDirs. */
final class HostMounts {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private HostMounts() {}

  static void mountTmpfs(Path dir, String options) throws IOException {
    run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
  }

  static void unmount(Path dir) {
    try {
      run("umount", dir.toString());
    } catch (IOException e) {
      // reported by the caller, which sees the mount still there
    }
  }

  /** Mount points at or below {@code dir}, deepest first. */
  static List<Path> under(Path dir) {
    var out = new ArrayList<Path>();
    try {
      for (String line : Files.readAllLines(MOUNTINFO)) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          Path point = Path.of(fields[4].replace("\\040", " "));
          if (point.startsWith(dir)) {
            out.add(point);
          }
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort((a, b) -> b.getNameCount() - a.getNameCount());
    return out;
  }

  private static void run(String... command) throws IOException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + ": " + out.trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
