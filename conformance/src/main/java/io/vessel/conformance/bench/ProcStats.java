package io.vessel.conformance.bench;

import io.vessel.conformance.harness.ProcessMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code /proc} (Linux): a process's memory and CPU time, and the machine's busy CPU time, so
 * every phase can say who was using the two cores while it ran.
 */
final class ProcStats {

  /** USER_HZ: the unit of the CPU columns of {@code /proc/.../stat} on every Linux we run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {}

  /** A {@code kB} field of {@code /proc/PID/status} (VmRSS, VmHWM), or -1 if unreadable. */
  static long statusKib(long pid, String field) {
    return ProcessMemory.statusKib(pid, field);
  }

  /** User plus system CPU seconds used by a process so far, or -1 if unreadable. */
  static double cpuSeconds(long pid) {
    try {
      var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) may hold spaces: count fields from the closing parenthesis
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Busy and total CPU seconds of the whole machine so far (all cores), from {@code /proc/stat}.
   */
  static double[] machineCpuSeconds() {
    try {
      var first = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < first.length && i <= 8; i++) {
        long ticks = Long.parseLong(first[i]);
        total += ticks;
        if (i == 4 || i == 5) { // idle, iowait
          idle += ticks;
        }
      }
      return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
    } catch (IOException | RuntimeException e) {
      return new double[] {-1, -1};
    }
  }
}
