package io.vessel.server.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that {@code vessel up} runs when no {@code --postgres-url} is given: real
 * PostgreSQL binaries from Maven Central (zonky), with the data directory inside the state dir,
 * listening on loopback only. Durability settings are forced on: the library's test-oriented
 * default of {@code synchronous_commit=off} would lose acknowledged writes on a crash.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg) {
    this.pg = pg;
  }

  public static EmbeddedPostgres start(Path dataDir, Path logFile) throws IOException {
    Files.createDirectories(dataDir.getParent());
    long t0 = System.nanoTime();
    stopOrphan(dataDir);
    var redirect = java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile());
    var pg =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setOutputRedirector(redirect)
            .setErrorRedirector(redirect)
            .start();
    LOG.info(
        "embedded PostgreSQL on 127.0.0.1:{} ({} ms, data in {})",
        pg.getPort(),
        (System.nanoTime() - t0) / 1_000_000,
        dataDir);
    return new EmbeddedPostgres(pg);
  }

  /**
   * A server killed without shutdown (kill -9, OOM) leaves its postmaster running on our data
   * directory. The caller holds the state-dir lock, so that postmaster is ours: stop it with a
   * fast shutdown (committed data is kept) before starting a new one.
   */
  static void stopOrphan(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (RuntimeException e) {
      return;
    }
    Optional<ProcessHandle> proc = ProcessHandle.of(pid);
    if (proc.isEmpty() || !proc.get().isAlive()) {
      return; // a stale pid file: PostgreSQL itself handles that
    }
    String cmd = proc.get().info().commandLine().orElse("");
    if (!cmd.contains("postgres") || !cmd.contains(dataDir.toString())) {
      return;
    }
    LOG.warn("stopping the PostgreSQL (pid {}) left running by a previous Vessel", pid);
    for (String signal : new String[] {"INT", "QUIT", "KILL"}) {
      try {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        proc.get().onExit().get(15, TimeUnit.SECONDS);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stopping PostgreSQL pid " + pid);
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("PostgreSQL pid {} still running after SIG{}", pid, signal);
      }
    }
  }

  public String url() {
    return "postgresql://postgres:postgres@127.0.0.1:" + pg.getPort() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    pg.close();
  }
}
