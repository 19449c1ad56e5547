package io.vessel.conformance.bench;

import io.vessel.certs.Kubeconfig;
import io.vessel.conformance.harness.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Vessel being measured: started with {@code vessel up --detach} on a state directory of the
 * benchmark's own, on the benchmark's PostgreSQL, and observed from outside only (its pid file and
 * {@code /proc}).
 *
 * <p>Threading: used by the benchmark's thread; {@link #close()} may also run from a shutdown hook.
 */
final class VesselUnderTest implements AutoCloseable {

  private static final Duration UP_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

  private final Path home;
  private final Path stateDir;
  private final long pid;
  private boolean closed;

  private VesselUnderTest(Path home, Path stateDir, long pid) {
    this.home = home;
    this.stateDir = stateDir;
    this.pid = pid;
  }

  /**
   * {@code vessel up --detach --state-dir DIR --port FREE --postgres-url URL}; returns once ready.
   *
   * @throws IllegalStateException when {@code up} fails, with its output and the server log tail
   */
  static VesselUnderTest start(Path home, Path stateDir, String postgresUrl) {
    var script = home.resolve("vessel").toString();
    var up =
        CommandRunner.run(
            List.of(
                script,
                "up",
                "--detach",
                "--state-dir",
                stateDir.toString(),
                "--port",
                Integer.toString(freePort()),
                "--postgres-url",
                postgresUrl,
                // The API benchmark measures the server alone: controllers and the scheduler would
                // write to its objects (a pod's PodScheduled condition) under its feet.
                "--controllers",
                System.getProperty("vessel.bench.controllers", "false"),
                "--node",
                "off"),
            home,
            null,
            null,
            UP_TIMEOUT);
    if (up.exitCode() != 0) {
      var failure = new IllegalStateException("vessel up failed\n" + up.describe());
      CommandRunner.run(
          List.of(script, "down", "--state-dir", stateDir.toString()),
          home,
          null,
          null,
          DOWN_TIMEOUT);
      throw failure;
    }
    try {
      var pid = Long.parseLong(Files.readString(stateDir.resolve("vessel.pid")).trim());
      return new VesselUnderTest(home, stateDir, pid);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("vessel up left no readable pid file in " + stateDir, e);
    }
  }

  Kubeconfig kubeconfig() {
    return Kubeconfig.read(stateDir.resolve("kubeconfig"));
  }

  Path log() {
    return stateDir.resolve("vessel.log");
  }

  long pid() {
    return pid;
  }

  /** Resident memory of the server process now, in KiB (VmRSS). */
  long rssKib() {
    return ProcStats.statusKib(pid, "VmRSS");
  }

  /** The highest resident memory so far, in KiB (VmHWM). */
  long peakRssKib() {
    return ProcStats.statusKib(pid, "VmHWM");
  }

  /** The last {@code lines} lines of the server log, for failure reports. */
  String logTail(int lines) {
    try {
      var all = Files.readAllLines(log());
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log() + ": " + e + ")";
    }
  }

  /**
   * {@code vessel down}; idempotent. If the launcher cannot stop it (the script is gone, or fails),
   * the server is sent SIGTERM by its pid, then SIGKILL: a benchmark never leaves its server
   * running.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      var down =
          CommandRunner.run(
              List.of(
                  home.resolve("vessel").toString(), "down", "--state-dir", stateDir.toString()),
              home,
              null,
              null,
              DOWN_TIMEOUT);
      if (down.exitCode() == 0) {
        return;
      }
      System.err.println("bench: vessel down failed\n" + down.describe());
    } catch (RuntimeException e) {
      System.err.println("bench: vessel down could not run: " + e);
    }
    ProcessHandle.of(pid).ifPresent(VesselUnderTest::stop);
  }

  private static void stop(ProcessHandle server) {
    server.destroy();
    try {
      server.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
    } catch (ExecutionException | TimeoutException e) {
      server.destroyForcibly();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
