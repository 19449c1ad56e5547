package io.vessel.server;

import io.vessel.certs.ClusterPki;
import io.vessel.certs.Kubeconfig;
import io.vessel.certs.PkiException;
import io.vessel.certs.ServingIdentity;
import io.vessel.server.boot.EmbeddedPostgres;
import io.vessel.server.boot.StateDir;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vessel-server up [--state-dir DIR] [--port N] [--bind-address A] [--postgres-url URL]
 * [--san NAME]... [--controllers true|false]}: runs one cluster in the foreground until SIGTERM/SIGINT. The launcher's
 * {@code --detach} runs this in the background and waits for {@code DIR/ready}.
 */
public final class ServerMain {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

  private ServerMain() {}

  public static void main(String[] args) {
    ServerConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vessel: " + e.getMessage());
      System.err.println(
          "usage: vessel-server up [--state-dir DIR] [--port N] [--bind-address ADDR]"
              + " [--postgres-url URL] [--san NAME]... [--controllers true|false]");
      System.exit(2);
      return;
    }
    try {
      run(config);
    } catch (StateDir.AlreadyRunningException e) {
      System.err.println("vessel: " + e.getMessage());
      System.exit(1);
    } catch (PkiException e) {
      System.err.println("vessel: " + e.getMessage());
      System.exit(1);
    } catch (Throwable e) {
      LOG.error("vessel failed to start", e);
      System.err.println("vessel: failed to start: " + describe(e));
      System.exit(1);
    }
  }

  static ServerConfig parse(String[] args) {
    if (args.length == 0 || !args[0].equals("up")) {
      throw new IllegalArgumentException("the only command is 'up'");
    }
    Path stateDir = Path.of(System.getProperty("user.home"), ".vessel");
    int port = 6443;
    String bind = "0.0.0.0";
    String pgUrl = null;
    List<String> sans = new ArrayList<>();
    boolean controllers = true;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--state-dir" -> stateDir = Path.of(required(a, value));
        case "--port" -> {
          try {
            port = Integer.parseInt(required(a, value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number, got " + value);
          }
        }
        case "--bind-address" -> bind = required(a, value);
        case "--postgres-url" -> pgUrl = required(a, value);
        case "--san" -> sans.add(required(a, value));
        case "--controllers" -> {
          String v = required(a, value);
          if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--controllers takes true or false, got " + v);
          }
          controllers = v.equals("true");
        }
        default -> throw new IllegalArgumentException("unknown flag " + a);
      }
      i++;
    }
    return new ServerConfig(stateDir, port, bind, pgUrl, sans, controllers);
  }

  private static String required(String flag, String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static void run(ServerConfig config) throws Throwable {
    long t0 = System.nanoTime();
    StateDir state = StateDir.acquire(config.stateDir());
    try {
      checkPortFree(config);
    } catch (IllegalStateException e) {
      state.close();
      throw e;
    }
    // PostgreSQL and the PKI are independent: start them side by side to keep `up` short.
    CompletableFuture<EmbeddedPostgres> pg =
        config.postgresUrl() != null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return EmbeddedPostgres.start(
                        state.resolve("postgres/data"), state.resolve("postgres.log"));
                  } catch (Exception e) {
                    throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
                  }
                });
    // Loading every model class for the catalog takes a while too: do it alongside.
    CompletableFuture<io.vessel.server.registry.ResourceCatalog> catalog =
        CompletableFuture.supplyAsync(io.vessel.server.registry.BuiltinResources::catalog);
    ClusterPki pki =
        ClusterPki.loadOrCreate(
            state.resolve("pki"),
            new ServingIdentity(hostName(), config.extraSans(), ServingIdentity.DEFAULT_SERVICE_IP));
    pki.changes().forEach(c -> LOG.info("pki: {}", c));
    Path kubeconfig = state.resolve("kubeconfig");
    Kubeconfig.forClient("vessel", config.serverUrl(), pki.ca().certificatePem(), "vessel-admin", pki.admin())
        .write(kubeconfig);

    EmbeddedPostgres embedded;
    try {
      embedded = pg.join();
    } catch (Exception e) {
      state.close();
      throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    }
    String url = embedded != null ? embedded.url() : config.postgresUrl();
    ApiServer server;
    try {
      server =
          ApiServer.start(config, pki, url, catalog.join())
              .toCompletionStage()
              .toCompletableFuture()
              .get(120, TimeUnit.SECONDS);
    } catch (Throwable e) {
      closeQuietly(embedded);
      state.close();
      throw e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
          ? e.getCause()
          : e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down");
                  try {
                    server.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    LOG.warn("API server stop: {}", e.getMessage());
                  }
                  closeQuietly(embedded);
                  try {
                    state.close();
                  } catch (Exception ignored) {
                    // the lock goes with the process anyway
                  }
                  LOG.info("stopped");
                  stopped.countDown();
                },
                "vessel-shutdown"));
    state.markReady(config.serverUrl());
    LOG.info("ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    System.out.println("Vessel is ready at " + config.serverUrl());
    System.out.println("export KUBECONFIG=" + kubeconfig);
    System.out.flush();
    stopped.await();
  }

  /** Fails at once, naming the port, rather than after PostgreSQL and the PKI are up. */
  private static void checkPortFree(ServerConfig config) {
    try (var socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(config.bindAddress(), config.port()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage()
              + " (is another server using port " + config.port() + "? choose one with --port)");
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("close: {}", e.getMessage());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }
}
