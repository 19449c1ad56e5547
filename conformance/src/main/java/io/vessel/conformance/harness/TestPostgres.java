package io.vessel.conformance.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of the test's own (zonky's embedded binaries, which also run as root), outside any
 * Vessel: servers reach it with {@code --postgres-url}, and the test can stop it the ways a
 * database goes away and start it again on the same data directory and port.
 *
 * <p>Durable like production ({@code fsync}, {@code synchronous_commit=on}): a fault test about
 * acknowledged writes means nothing on a database that may lose them.
 *
 * <p>Threading: used from the JUnit thread only.
 */
public final class TestPostgres implements AutoCloseable {

  /** How the postmaster is stopped: the signal it gets. */
  public enum Shutdown {
    /** SIGINT: roll back open transactions, checkpoint, exit; what {@code pg_ctl -m fast} does. */
    FAST("INT"),
    /** SIGQUIT: every process exits at once; the next start runs crash recovery. */
    IMMEDIATE("QUIT"),
    /** SIGKILL to the postmaster alone; its backends notice and exit on their own. */
    KILL("KILL");

    private final String signal;

    Shutdown(String signal) {
      this.signal = signal;
    }
  }

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final Path log;
  private int port;
  private EmbeddedPostgres pg;

  private TestPostgres(Path dataDir, Path log) {
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Initializes a cluster in {@code dir/data} (logging to {@code dir/postgres.log}) and starts it. */
  public static TestPostgres start(Path dir) {
    var postgres = new TestPostgres(dir.resolve("data"), dir.resolve("postgres.log"));
    postgres.start();
    return postgres;
  }

  /** The URL for {@code vessel up --postgres-url}: database {@code postgres} on loopback. */
  public String url() {
    // zonky's initdb trusts local connections; the password is only there for URL parsers
    return "postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres";
  }

  /** Whether a postmaster is running on the data directory. */
  public boolean running() {
    return pg != null;
  }

  /** Starts (again) on the same data directory and, after the first start, the same port. */
  public void start() {
    if (pg != null) {
      throw new IllegalStateException("PostgreSQL is already running on " + dataDir);
    }
    try {
      Files.createDirectories(dataDir.getParent());
      var redirect = Redirect.appendTo(log.toFile());
      var builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(true)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setOutputRedirector(redirect)
              .setErrorRedirector(redirect);
      if (port != 0) {
        builder.setPort(port);
      }
      pg = builder.start();
      port = pg.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on " + dataDir + "; see " + log, e);
    }
  }

  /**
   * Stops the postmaster the given way and returns once it and every process it had started are
   * gone, so that the next {@link #start} finds the data directory free.
   */
  public void stop(Shutdown how) {
    if (pg == null) {
      throw new IllegalStateException("PostgreSQL is not running on " + dataDir);
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
      var postmaster =
          ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
      List<ProcessHandle> family = postmaster.descendants().toList();
      var kill = new ProcessBuilder("kill", "-" + how.signal, Long.toString(pid)).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new AssertionError("kill -" + how.signal + " " + pid + " failed");
      }
      postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (var child : family) {
        child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL on " + dataDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
    } catch (Exception e) {
      throw new AssertionError("PostgreSQL on " + dataDir + " did not stop: " + e, e);
    }
    release();
  }

  /** Lets go of zonky's handle (and its lock on the data directory); the server is already down. */
  private void release() {
    try {
      pg.close(); // its pg_ctl stop finds nothing to stop, which is fine
    } catch (IOException | RuntimeException e) {
      // nothing was running any more
    }
    pg = null;
  }

  @Override
  public void close() {
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("stopping PostgreSQL on " + dataDir + " failed: " + e);
      }
      pg = null;
    }
  }
}
