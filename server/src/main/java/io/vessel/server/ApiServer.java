package io.vessel.server;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vessel.certs.ClusterPki;
import io.vessel.server.node.KubeletClient;
import io.vessel.server.auth.Authorizer;
import io.vessel.server.auth.X509Authenticator;
import io.vessel.server.controller.ControllerManager;
import io.vessel.server.boot.BuildInfo;
import io.vessel.server.http.ApiRouter;
import io.vessel.server.http.ConnectionBuffers;
import io.vessel.server.http.DiscoveryHandler;
import io.vessel.server.http.HealthHandler;
import io.vessel.server.http.IdleConnections;
import io.vessel.server.http.ResourceHandler;
import io.vessel.server.http.VersionHandler;
import io.vessel.server.http.openapi.OpenApiHandler;
import io.vessel.server.registry.BuiltinResources;
import io.vessel.server.registry.CatalogAttrs;
import io.vessel.server.registry.ResourceCatalog;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.core.namespace.NamespaceFinalizer;
import io.vessel.server.registry.core.namespace.NamespaceLifecycle;
import io.vessel.server.registry.core.namespace.SystemNamespaces;
import io.vessel.server.registry.core.service.KubernetesService;
import io.vessel.server.storage.cache.WatchCaches;
import io.vessel.server.storage.pg.PgChangeFeed;
import io.vessel.server.storage.pg.PgCompactor;
import io.vessel.server.storage.pg.PgSchema;
import io.vessel.server.storage.pg.PgStorage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring and lifecycle of one API server replica, started in order: pools, schema, change feed
 * and watch caches, system namespaces, HTTPS listeners, background loops. Nothing here is shared
 * with other replicas except the database.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** How long the change log is kept in PostgreSQL for resumes and continue tokens. */
  private static final long EVENT_RETENTION_SECONDS = 600;

  private final Vertx vertx;
  private final List<Pool> pools;
  private final PgChangeFeed feed;
  private final WatchCaches caches;
  private final PgCompactor compactor;
  private volatile boolean shuttingDown;
  private volatile ControllerManager controllers;

  private ApiServer(
      Vertx vertx, List<Pool> pools, PgChangeFeed feed, WatchCaches caches, PgCompactor compactor) {
    this.vertx = vertx;
    this.pools = pools;
    this.feed = feed;
    this.caches = caches;
    this.compactor = compactor;
  }

  /** Starts a replica on an existing database; completes once it serves HTTPS. */
  public static Future<ApiServer> start(ServerConfig config, ClusterPki pki, String postgresUrl) {
    return start(config, pki, postgresUrl, BuiltinResources.catalog());
  }

  /** Starts a replica serving {@code catalog} (built ahead, e.g. while PostgreSQL starts). */
  public static Future<ApiServer> start(
      ServerConfig config, ClusterPki pki, String postgresUrl, ResourceCatalog catalog) {
    int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    PgConnectOptions connect = PgConnectOptions.fromUri(postgresUrl).setCachePreparedStatements(true);
    Pool writePool = pool(vertx, connect, 4);
    Pool readPool = pool(vertx, connect, 8);
    Pool feedPool = pool(vertx, connect, 2);
    Context cacheContext = vertx.getOrCreateContext();

    WatchCaches caches =
        new WatchCaches(vertx, cacheContext, new CatalogAttrs(catalog), 20_000, 10 * 60_000L);
    PgChangeFeed feed = new PgChangeFeed(vertx, cacheContext, feedPool, connect, caches, 1000);
    PgStorage storage = new PgStorage(vertx.getOrCreateContext(), writePool, readPool, feed::nudge);
    Map<ResourceDefinition, ResourceStore> stores = new LinkedHashMap<>();
    NamespaceLifecycle lifecycle = new NamespaceLifecycle(storage, caches);
    for (ResourceDefinition d : catalog.all()) {
      stores.put(d, new ResourceStore(d, storage, caches, lifecycle));
    }
    ResourceStore namespaces =
        stores.get(catalog.lookup("", "v1", "namespaces").orElseThrow());
    PgCompactor compactor = new PgCompactor(vertx, writePool, EVENT_RETENTION_SECONDS, 5 * 60_000L);
    ApiServer server =
        new ApiServer(vertx, List.of(writePool, readPool, feedPool), feed, caches, compactor);

    OpenApiHandler openApi = new OpenApiHandler(catalog);
    ApiRouter router =
        new ApiRouter(
            new X509Authenticator(),
            new Authorizer(),
            server.health(),
            new VersionHandler(BuildInfo.fromSystemProperties()),
            new DiscoveryHandler(catalog),
            openApi,
            new ResourceHandler(
                catalog,
                stores,
                new KubeletClient(vertx, pki.admin().certificatePem(), pki.admin().privateKeyPem())));
    HttpServerOptions httpOptions = httpOptions(config, pki);

    return PgSchema.migrate(writePool)
        .compose(v -> feed.start())
        .compose(v -> SystemNamespaces.ensure(namespaces))
        .compose(
            v ->
                new KubernetesService(
                        store(stores, catalog, "", "services"),
                        store(stores, catalog, "", "endpoints"),
                        store(stores, catalog, "discovery.k8s.io", "endpointslices"),
                        config.bindAddress(),
                        config.port())
                    .ensure())
        .compose(v -> new NamespaceFinalizer(vertx, stores).start())
        .compose(
            v ->
                vertx.deployVerticle(
                    () -> new HttpVerticle(httpOptions, router),
                    new DeploymentOptions().setInstances(loops)))
        .map(
            id -> {
              compactor.start();
              openApi.start();
              caches.startBookmarks(60_000);
              if (config.controllers()) {
                server.controllers = ControllerManager.start(vertx, config, pki);
              }
              LOG.info("serving the Kubernetes API on https://{}:{}", config.bindAddress(), config.port());
              return server;
            })
        .recover(
            t -> {
              // Stop in the background: completing through the closing Vert.x would never run.
              server.stop();
              return Future.failedFuture(t);
            });
  }

  private static ResourceStore store(
      Map<ResourceDefinition, ResourceStore> stores,
      ResourceCatalog catalog,
      String group,
      String resource) {
    return stores.get(catalog.lookup(group, "v1", resource).orElseThrow());
  }

  private static Pool pool(Vertx vertx, PgConnectOptions connect, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  private static HttpServerOptions httpOptions(ServerConfig config, ClusterPki pki) {
    HttpServerOptions o = new HttpServerOptions();
    o.setHost(config.bindAddress());
    o.setPort(config.port());
    o.setSsl(true);
    o.setKeyCertOptions(
        new PemKeyCertOptions()
            .addCertValue(Buffer.buffer(pki.serving().certificatePem()))
            .addKeyValue(Buffer.buffer(pki.serving().privateKeyPem())));
    o.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.ca().certificatePem())));
    o.setClientAuth(ClientAuth.REQUEST);
    o.setUseAlpn(true);
    o.setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
    o.setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
    o.setTcpNoDelay(true);
    return o;
  }

  private HealthHandler health() {
    Map<String, BooleanSupplier> live = new LinkedHashMap<>();
    live.put("ping", () -> true);
    live.put("log", () -> true);
    Map<String, BooleanSupplier> ready = new LinkedHashMap<>(live);
    ready.put("postgres", () -> feed.healthy());
    ready.put("shutdown", () -> !shuttingDown);
    return new HealthHandler(live, ready);
  }

  public Future<Void> stop() {
    return stop(true);
  }

  /** The identity under which this replica competes to run the controllers, or null if it does not. */
  public String controllerIdentity() {
    ControllerManager running = controllers;
    return running == null ? null : running.identity();
  }

  /**
   * Stops the replica. Without {@code handOver} its leases are left to expire, as after a crash,
   * which is what a failover test needs to see.
   */
  public Future<Void> stop(boolean handOver) {
    shuttingDown = true;
    ControllerManager running = controllers;
    if (running != null) {
      running.stop(handOver);
    }
    compactor.stop();
    caches.stop();
    return feed.stop()
        .recover(t -> Future.succeededFuture())
        .compose(v -> Future.join(pools.stream().map(Pool::close).toList()).mapEmpty())
        .recover(t -> Future.succeededFuture())
        .compose(v -> vertx.close());
  }

  /**
   * One HTTPS listener per event loop; Vert.x spreads connections across them. Each closes its
   * connections that stay without a request too long (see {@link IdleConnections}).
   */
  private static final class HttpVerticle extends VerticleBase {
    private final HttpServerOptions options;
    private final ApiRouter router;
    private final IdleConnections idle = new IdleConnections();
    private HttpServer server;

    HttpVerticle(HttpServerOptions options, ApiRouter router) {
      this.options = options;
      this.router = router;
    }

    @Override
    public Future<?> start() {
      server =
          vertx
              .createHttpServer(options)
              .connectionHandler(
                  connection -> {
                    ConnectionBuffers.widen(connection);
                    idle.connected(connection);
                  })
              .requestHandler(
                  req -> {
                    idle.requestStarted(req);
                    router.handle(req);
                  });
      idle.start(vertx);
      return server.listen();
    }

    @Override
    public Future<?> stop() {
      idle.stop(vertx);
      return server == null ? Future.succeededFuture() : server.close();
    }
  }
}
