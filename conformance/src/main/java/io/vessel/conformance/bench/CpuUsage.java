package io.vessel.conformance.bench;

/**
 * Who used the CPUs during a phase, in cores (CPU seconds per wall second): the Vessel server, this
 * benchmark's own JVM, and the whole machine. The rest of the machine's busy time is PostgreSQL
 * plus anything else running (other builds on a shared machine).
 */
record CpuUsage(double serverCores, double clientCores, double machineBusyCores, int machineCores) {

  /** A running measurement; {@link #stop()} gives the figures. */
  static Window start(long serverPid) {
    return new Window(serverPid);
  }

  double otherCores() {
    return Math.max(0, machineBusyCores - serverCores - clientCores);
  }

  @Override
  public String toString() {
    return String.format(
        "server %.2f, bench %.2f, PostgreSQL+other %.2f of %d cores",
        serverCores, clientCores, otherCores(), machineCores);
  }

  static final class Window {
    private final long serverPid;
    private final long startNanos = System.nanoTime();
    private final double server;
    private final double client;
    private final double[] machine;

    private Window(long serverPid) {
      this.serverPid = serverPid;
      this.server = ProcStats.cpuSeconds(serverPid);
      this.client = ProcStats.cpuSeconds(ProcessHandle.current().pid());
      this.machine = ProcStats.machineCpuSeconds();
    }

    CpuUsage stop() {
      double wall = (System.nanoTime() - startNanos) / 1e9;
      double[] machineNow = ProcStats.machineCpuSeconds();
      double totalDelta = machineNow[1] - machine[1];
      int cores = Runtime.getRuntime().availableProcessors();
      return new CpuUsage(
          (ProcStats.cpuSeconds(serverPid) - server) / wall,
          (ProcStats.cpuSeconds(ProcessHandle.current().pid()) - client) / wall,
          // scale by the machine's own tick total, which is cores x wall time
          totalDelta > 0 ? (machineNow[0] - machine[0]) / totalDelta * cores : -1,
          cores);
    }
  }
}
