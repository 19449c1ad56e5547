package io.vessel.agent.testing;

import io.vertx.core.Vertx;
import io.vessel.certs.ClusterPki;
import io.vessel.certs.IssuedCertificate;
import io.vessel.certs.ServingIdentity;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ClientConfig;
import io.vessel.server.ApiServer;
import io.vessel.server.ServerConfig;
import io.vessel.server.boot.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Vessel API server in-process on embedded PostgreSQL, and admin clients to it: the start
 * logic of the server module's test {@code LiveServer}, which is not published as a jar.
 */
public final class LiveApiServer implements AutoCloseable {
  private final Path dir;
  private final EmbeddedPostgres pg;
  private final ClusterPki pki;
  private final ApiServer server;
  private final int port;
  private final Vertx vertx = Vertx.vertx();

  private LiveApiServer(Path dir, EmbeddedPostgres pg, ClusterPki pki, ApiServer server, int port) {
    this.dir = dir;
    this.pg = pg;
    this.pki = pki;
    this.server = server;
    this.port = port;
  }

  public static LiveApiServer start() throws Exception {
    Path dir = Files.createTempDirectory("vessel-agent-it");
    EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg"), dir.resolve("pg.log"));
    ClusterPki pki = ClusterPki.loadOrCreate(dir.resolve("pki"), ServingIdentity.of("localhost"));
    int port = freePort();
    ServerConfig config = new ServerConfig(dir, port, "127.0.0.1", pg.url(), List.of());
    ApiServer server = ApiServer.start(config, pki, pg.url()).await(60, TimeUnit.SECONDS);
    return new LiveApiServer(dir, pg, pki, server, port);
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The cluster CA, which signs the admin certificate (and what the node agent trusts). */
  public String caPem() {
    return pki.ca().certificatePem();
  }

  /** The admin client certificate (system:masters). */
  public IssuedCertificate admin() {
    return pki.admin();
  }

  /** A client with the admin certificate (system:masters). */
  public ApiClient client(String userAgent) {
    return ApiClient.create(
        vertx,
        new ClientConfig(
            "127.0.0.1",
            port,
            pki.ca().certificatePem(),
            pki.admin().certificatePem(),
            pki.admin().privateKeyPem(),
            userAgent));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      pg.close();
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
