package io.vessel.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A fresh Vessel started with the launcher on a temporary state directory and a free port.
 *
 * <p>Layout of its scratch directory: {@code state/} is the launcher's state directory (PostgreSQL
 * data, {@code kubeconfig}, {@code vessel.log}); {@code kubectl-home/} is HOME and discovery cache
 * for kubectl. Both are deleted on {@link #close()} unless system property {@code vessel.keepState}
 * is {@code true}.
 *
 * <p>By default the server runs its own embedded PostgreSQL; {@link #startOn} points it at an
 * existing one instead, and {@link #startReplica} starts a second server on that same database.
 *
 * <p>Threading: used from the JUnit thread only.
 */
public final class LocalCluster extends KubeconfigCluster {

  private static final int LOG_TAIL_LINES = 80;

  private final Launcher launcher;
  private final Path scratch;
  private final Path stateDir;
  private final int port;
  private final String postgresUrl;
  private final List<String> nodeArgs;
  private Result lastUp;
  private boolean closed;

  private LocalCluster(
      Launcher launcher, Path scratch, int port, String postgresUrl, List<String> nodeArgs) {
    super(scratch.resolve("state").resolve("kubeconfig"), scratch.resolve("kubectl-home"));
    this.launcher = launcher;
    this.scratch = scratch;
    this.stateDir = scratch.resolve("state");
    this.port = port;
    this.postgresUrl = postgresUrl;
    this.nodeArgs = nodeArgs;
  }

  /**
   * Starts Vessel with {@code vessel up --detach} and returns once its API is ready.
   *
   * @throws AssertionError when the launcher is missing or {@code up} fails, with its output and
   *     the tail of the server log
   */
  public static LocalCluster start() {
    return start(null, null, List.of());
  }

  /**
   * Starts Vessel with its local node ({@code --node auto}: its own containerd and a node agent,
   * kubelet API on a free port). The launcher says so and starts no node where containerd cannot
   * run; callers check for a Ready node.
   */
  public static LocalCluster startWithNode() {
    try {
      return start(
          null, null, List.of("--node", "auto", "--kubelet-port", Integer.toString(freePort())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts Vessel on an existing PostgreSQL ({@code vessel up --postgres-url URL}); stopping or
   * killing this server leaves that database alone.
   */
  public static LocalCluster startOn(String postgresUrl) {
    return start(postgresUrl, null, List.of());
  }

  /**
   * Starts a second server on this one's PostgreSQL, with a copy of this one's PKI: the same CA
   * and admin credentials, so clients trust and reach both alike. Only for a cluster started with
   * {@link #startOn}.
   */
  public LocalCluster startReplica() {
    if (postgresUrl == null) {
      throw new IllegalStateException("a replica needs a cluster started on an existing PostgreSQL");
    }
    return start(postgresUrl, stateDir.resolve("pki"), List.of());
  }

  private static LocalCluster start(String postgresUrl, Path pkiToCopy, List<String> nodeArgs) {
    var launcher = Launcher.fromSystemProperties();
    if (!launcher.present()) {
      throw new AssertionError(
          "no launcher at "
              + launcher.script()
              + "; set -Dvessel.home to the repository root, or -Dvessel.kubeconfig to run"
              + " against an existing cluster");
    }
    try {
      var scratch = Files.createTempDirectory("vessel-it-");
      Files.createDirectories(scratch.resolve("state"));
      if (pkiToCopy != null) {
        copyRecursively(pkiToCopy, scratch.resolve("state").resolve("pki"));
      }
      var cluster = new LocalCluster(launcher, scratch, freePort(), postgresUrl, nodeArgs);
      try {
        cluster.up();
      } catch (AssertionError | RuntimeException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The launcher's state directory. */
  public Path stateDir() {
    return stateDir;
  }

  /** The API server port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The launcher, for tests about the launcher itself. */
  public Launcher launcher() {
    return launcher;
  }

  /** What the last successful {@code up} printed. */
  public Result lastUp() {
    return lastUp;
  }

  /** {@code vessel down}; fails the test when it does not exit 0. */
  public void down() {
    var result = launcher.down(stateDir);
    if (result.exitCode() != 0) {
      throw new AssertionError("vessel down failed\n" + result.describe() + diagnostics());
    }
    reconnect();
  }

  /** {@code vessel up --detach} on the same state directory, port and PostgreSQL. */
  public void up() {
    var args = new java.util.ArrayList<>(nodeArgs);
    if (postgresUrl != null) {
      args.addAll(List.of("--postgres-url", postgresUrl));
    }
    var result = launcher.up(stateDir, port, args);
    if (result.exitCode() != 0) {
      throw new AssertionError("vessel up failed\n" + result.describe() + diagnostics());
    }
    lastUp = result;
    reconnect();
  }

  /**
   * Kills the server process with SIGKILL, as a crash would: no shutdown hook runs, and its
   * embedded PostgreSQL is left behind for the next {@link #up} to deal with.
   */
  public void killHard() {
    Path pidFile = stateDir.resolve("vessel.pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle process =
          ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not kill the server: " + e + diagnostics());
    }
  }

  /** The server's process id, from the launcher's pid file. */
  public long pid() {
    try {
      return Long.parseLong(Files.readString(stateDir.resolve("vessel.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      throw new AssertionError("no readable pid file in " + stateDir + ": " + e + diagnostics());
    }
  }

  /** The server's resident memory now and at its peak (VmRSS, VmHWM), in KiB; -1 if unknown. */
  public long[] rssKib() {
    long pid = pid();
    return new long[] {ProcessMemory.statusKib(pid, "VmRSS"), ProcessMemory.statusKib(pid, "VmHWM")};
  }

  /** Down, then up on the same state directory: data must survive. */
  public void restart() {
    down();
    up();
  }

  @Override
  public String diagnostics() {
    String server = tail(stateDir.resolve("vessel.log"));
    var agentLog = stateDir.resolve("node").resolve("agent.log");
    return Files.isRegularFile(agentLog) ? server + tail(agentLog) : server;
  }

  private static String tail(Path log) {
    if (!Files.isRegularFile(log)) {
      return "\n(no log at " + log + ")";
    }
    try {
      List<String> lines = Files.readAllLines(log);
      var tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return "\n--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
    } catch (IOException | UncheckedIOException e) {
      return "\n(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      launcher.down(stateDir);
    } catch (RuntimeException | AssertionError e) {
      System.err.println("vessel down failed while closing " + stateDir + ": " + e);
    }
    stopLeftoverPostgres();
    if (!Boolean.getBoolean("vessel.keepState")) {
      deleteRecursively(scratch);
    }
  }

  /**
   * Last-resort cleanup: a server that dies during startup can leave its embedded PostgreSQL
   * running, which {@code vessel down} does not see. Stops it only if its command line names this
   * cluster's state directory, and says so on stderr so the leak stays visible.
   */
  private void stopLeftoverPostgres() {
    var pidFile = stateDir.resolve("postgres").resolve("data").resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return;
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      var ours =
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .filter(
                  process ->
                      process
                          .info()
                          .commandLine()
                          .map(line -> line.contains(stateDir.toString()))
                          .orElse(false));
      if (ours.isPresent()) {
        System.err.println(
            "vessel down left PostgreSQL (pid "
                + pid
                + ") running for "
                + stateDir
                + "; stopping it");
        ours.get().destroy();
        ours.get().onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      System.err.println("could not check for a leftover PostgreSQL in " + stateDir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        var target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }
}
