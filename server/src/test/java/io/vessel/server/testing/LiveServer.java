package io.vessel.server.testing;

import io.vertx.core.Vertx;
import io.vessel.certs.ClusterPki;
import io.vessel.certs.ServingIdentity;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ClientConfig;
import io.vessel.server.ApiServer;
import io.vessel.server.ServerConfig;
import io.vessel.server.boot.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL plus one or more API server replicas on it, and an admin client for each:
 * the cluster an integration test drives through the API.
 */
public final class LiveServer implements AutoCloseable {
  private final Path dir;
  private final EmbeddedPostgres pg;
  private final ClusterPki pki;
  private final Vertx vertx = Vertx.vertx();
  private final List<ApiServer> replicas = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private LiveServer(Path dir, EmbeddedPostgres pg, ClusterPki pki) {
    this.dir = dir;
    this.pg = pg;
    this.pki = pki;
  }

  public static LiveServer start() throws Exception {
    Path dir = Files.createTempDirectory("vessel-live");
    EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg"), dir.resolve("pg.log"));
    ClusterPki pki = ClusterPki.loadOrCreate(dir.resolve("pki"), ServingIdentity.of("localhost"));
    LiveServer live = new LiveServer(dir, pg, pki);
    live.addReplica();
    return live;
  }

  /** Starts one more replica on the same database; returns its index. */
  public int addReplica() throws Exception {
    int port = freePort();
    ServerConfig config = new ServerConfig(dir, port, "127.0.0.1", pg.url(), List.of());
    replicas.add(ApiServer.start(config, pki, pg.url()).await(60, TimeUnit.SECONDS));
    ports.add(port);
    return replicas.size() - 1;
  }

  public ApiServer replica(int i) {
    return replicas.get(i);
  }

  /** Stops a replica as a crash would look to its peers: its Leases are not handed back. */
  public void crashReplica(int i) throws Exception {
    replicas.get(i).stop(false).await(30, TimeUnit.SECONDS);
  }

  public ApiClient client() {
    return client(0);
  }

  public ApiClient client(int replica) {
    return ApiClient.create(
        vertx,
        new ClientConfig(
            "127.0.0.1",
            ports.get(replica),
            pki.ca().certificatePem(),
            pki.admin().certificatePem(),
            pki.admin().privateKeyPem(),
            "vessel-it"));
  }

  public int port(int replica) {
    return ports.get(replica);
  }

  public ClusterPki pki() {
    return pki;
  }

  /** Raw HTTP to a replica, for tests about status codes, headers and exact bodies. */
  public RawHttp raw(int replica) {
    return new RawHttp(vertx, pki, ports.get(replica));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (ApiServer s : replicas) {
      try {
        s.stop().await(30, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // already stopped by the test
      }
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    pg.close();
    TempDirs.delete(dir);
  }
}
