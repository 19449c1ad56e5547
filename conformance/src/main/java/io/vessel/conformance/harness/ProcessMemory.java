package io.vessel.conformance.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux reports it in {@code /proc/PID/status}. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /**
   * A {@code kB} field of {@code /proc/PID/status}, such as {@code VmRSS} (resident now) or {@code
   * VmHWM} (resident at the peak); -1 when the process is gone or this is not Linux.
   */
  public static long statusKib(long pid, String field) {
    try {
      for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // unknown: reported as -1
    }
    return -1;
  }
}
