package io.vessel.conformance.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One run of the API benchmark, start to finish: its own durable PostgreSQL, a Vessel on it, the
 * raw PostgreSQL baseline, then Vessel's create, update, GET, LIST and watch fan-out phases and the
 * server's memory, all into one {@link BenchReport}. Everything it started is stopped at the end,
 * whatever happened; the server log is kept beside the results file.
 *
 * <p>Threading: runs on the calling thread, which blocks on each phase; the load itself runs on the
 * Vert.x event loops.
 */
public final class ApiBench {

  static final String NAMESPACE = "bench";
  static final String WARMUP_NAMESPACE = "bench-warmup";
  static final String WATCH_NAMESPACE = "bench-watch";

  /** Connections of the fan-out phase's writers: enough for 200 writes/s at tens of ms each. */
  private static final int WATCH_WRITE_CONNECTIONS = 16;

  private final BenchOptions options;
  private final BenchReport report;

  private ApiBench(BenchOptions options) {
    this.options = options;
    this.report = new BenchReport(options);
  }

  /** Runs the benchmark; the report says whether it passed. Setup failures throw. */
  public static BenchReport run(BenchOptions options) throws Exception {
    var bench = new ApiBench(options);
    bench.runAll();
    return bench.report;
  }

  private void runAll() throws Exception {
    var work = Files.createTempDirectory("vessel-bench-");
    Vertx vertx = null;
    try (var pg = BenchPostgres.start(work.resolve("pgdata"), work.resolve("postgres.log"))) {
      progress("PostgreSQL ready: " + pg.baselineUrl() + " (synchronous_commit=on, fsync=on)");
      try (var vessel =
          VesselUnderTest.start(options.home(), work.resolve("state"), pg.vesselUrl())) {
        progress("Vessel ready (pid " + vessel.pid() + ")");
        // Ctrl-C stops the server too (zonky's own hook stops PostgreSQL)
        var stopOnExit = new Thread(vessel::close, "bench-vessel-down");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        report.rssIdleKib = vessel.rssKib();
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
          measureAll(vertx, pg, vessel);
        } finally {
          report.peakRssKib = vessel.peakRssKib();
          keepLog(vessel.log());
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
      }
    } finally {
      if (vertx != null) {
        vertx.close().await();
      }
      deleteRecursively(work);
    }
  }

  private void measureAll(Vertx vertx, BenchPostgres pg, VesselUnderTest vessel) throws Exception {
    var kubeconfig = vessel.kubeconfig();
    var resource = options.resource();
    var samplerPool = pool(vertx, pg.baselineUrl(), 1);
    try (var api = ApiClient.http1(vertx, kubeconfig, options.clients());
        var baseline = PgBaseline.connect(vertx, pg.baselineUrl(), options.clients())) {
      requireServed(api, resource);
      for (var ns : new String[] {NAMESPACE, WARMUP_NAMESPACE, WATCH_NAMESPACE}) {
        WritePhases.ensureNamespace(api, ns).await();
      }
      var probe = WritePhases.create(api, resource, WARMUP_NAMESPACE, 0, "probe", Map.of()).await();
      byte[] storedObject = probe.body().getBytes();
      report.objectBytes = storedObject.length;
      progress("a stored " + resource.plural() + " object is " + storedObject.length + " bytes");

      var waits = (Supplier<PgWaitSampler>) () -> new PgWaitSampler(vertx, samplerPool, "postgres");
      baseline.createTable().await();
      baseline.insert("warm", options.warmup(), storedObject).await();
      report.baselineInsert =
          measure(
              "baselineInsert",
              vessel,
              waits,
              () -> baseline.insert("row", options.objects(), storedObject));
      report.baselineUpdate =
          measure(
              "baselineUpdate",
              vessel,
              waits,
              () -> baseline.update("row", options.objects(), storedObject));

      var vesselWaits =
          (Supplier<PgWaitSampler>)
              () -> new PgWaitSampler(vertx, samplerPool, BenchPostgres.VESSEL_DATABASE);
      var warm =
          new WritePhases(
              api, resource, WARMUP_NAMESPACE, options.clients(), Math.max(1, options.warmup()));
      warm.createAll().compose(o -> warm.updateAll()).await();
      var writes = new WritePhases(api, resource, NAMESPACE, options.clients(), options.objects());
      report.create = measure("create", vessel, vesselWaits, writes::createAll);
      report.update = measure("update", vessel, vesselWaits, writes::updateAll);

      var reads = new ReadPhases(api, resource, NAMESPACE, options.objects());
      report.get =
          measure(
              "get", vessel, vesselWaits, () -> reads.getAll(options.gets(), options.clients()));
      var listCpu = CpuUsage.start(vessel.pid());
      report.listCache = reads.list(options.listRepetitions(), true).await();
      report.listConsistent = reads.list(options.listRepetitions(), false).await();
      report.listCpu = listCpu.stop();
      progress(
          String.format(
              "LIST: cache median %.0f ms, consistent median %.0f ms",
              report.listCache.outcome().latency().percentileMs(50),
              report.listConsistent.outcome().latency().percentileMs(50)));
      checkList(report.listCache);
      checkList(report.listConsistent);
      report.rssStoredKib = vessel.rssKib();

      // The watch streams get one event loop, shared with their connection: Vert.x 5.0 returns
      // a stream's flow-control credit from the thread that handled its data, and Netty's flow
      // controller expects the connection's. Before, loaded runs saw whole connections stall.
      var watchVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
      try (var watchers =
              ApiClient.http2(
                  watchVertx,
                  kubeconfig,
                  (options.watchers() + options.streamsPerConnection() - 1)
                      / options.streamsPerConnection(),
                  options.streamsPerConnection());
          var writers = ApiClient.http1(vertx, kubeconfig, WATCH_WRITE_CONNECTIONS)) {
        progress(
            "watch fan-out: "
                + options.watchers()
                + " watchers, "
                + options.writesPerSecond()
                + " writes/s for "
                + options.watchSeconds()
                + " s");
        var fanout = new WatchFanout(vertx, watchers, writers, resource, WATCH_NAMESPACE);
        report.watch = fanout.run(options, vessel.pid());
        checkWatch(report.watch);
      } finally {
        watchVertx.close().await();
      }
      report.rssAfterWatchKib = vessel.rssKib();
    } finally {
      samplerPool.close().await();
    }
  }

  /** Runs one phase while sampling CPU and PostgreSQL sessions; prints a progress line. */
  private PhaseResult measure(
      String name,
      VesselUnderTest vessel,
      Supplier<PgWaitSampler> waits,
      Supplier<Future<ClosedLoop.Outcome>> phase) {
    var sampler = waits.get();
    sampler.start();
    var cpu = CpuUsage.start(vessel.pid());
    var outcome = phase.get().await();
    var result = PhaseResult.of(name, outcome, cpu.stop(), sampler.stop());
    report.checkErrors(result);
    progress(
        String.format(
            "%-15s %,8.0f ops/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  [cpu: %s]",
            name,
            result.opsPerSecond(),
            result.p50Ms(),
            result.p99Ms(),
            result.errors(),
            result.cpu()));
    progress("                PostgreSQL sessions by state: " + result.pgWaits());
    return result;
  }

  private void checkList(ReadPhases.Listed listed) {
    var o = listed.outcome();
    if (o.errors() > 0) {
      report.failures.add("LIST: " + o.errors() + " errors, e.g. " + o.errorSamples());
    }
  }

  private void checkWatch(WatchFanout.Result watch) {
    var v = watch.verdict();
    progress(
        String.format(
            "watch: %,d/%,d events checked, lost %d, duplicated %d, out of order %d, wrong %d,"
                + " broken streams %d; commit->delivery p50 %.1f ms p99 %.1f ms",
            v.checked(),
            v.expected(),
            v.lost(),
            v.duplicated(),
            v.outOfOrder(),
            v.wrong(),
            v.brokenStreams(),
            v.commitToDelivery().percentileMs(50),
            v.commitToDelivery().percentileMs(99)));
    if (!v.passed()) {
      report.failures.add(
          String.format(
              "watch streams: lost %d, duplicated %d, out of order %d, wrong %d, broken streams %d;"
                  + " e.g. %s",
              v.lost(),
              v.duplicated(),
              v.outOfOrder(),
              v.wrong(),
              v.brokenStreams(),
              v.failures()));
    }
    if (watch.writes().errors() > 0) {
      report.failures.add(
          "watch writers: "
              + watch.writes().errors()
              + " errors, e.g. "
              + watch.writes().errorSamples());
    }
  }

  /** Fails early, and clearly, when the server does not serve the resource at all. */
  private static void requireServed(ApiClient api, BenchResource resource) {
    var reply = api.get("/api/v1").await();
    var body = reply.body().toString(StandardCharsets.UTF_8);
    if (reply.status() != 200 || !body.contains("\"name\":\"" + resource.plural() + "\"")) {
      throw new IllegalStateException(
          "the server does not serve "
              + resource.plural()
              + " (GET /api/v1 -> "
              + reply.status()
              + "); try --resource services");
    }
  }

  private void keepLog(Path log) {
    var out = options.out();
    try {
      Files.createDirectories(out.getParent());
      var kept =
          out.resolveSibling(
              out.getFileName().toString().replaceAll("\\.json$", "") + ".vessel.log");
      Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
      report.notes.add("server log: " + kept);
    } catch (IOException e) {
      report.notes.add("server log not kept: " + e);
    }
  }

  private static Pool pool(Vertx vertx, String url, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(PgConnectOptions.fromUri(url))
        .using(vertx)
        .build();
  }

  private static final long STARTED = System.nanoTime();

  static void progress(String line) {
    System.out.printf("bench: [%5.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
    System.out.flush();
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: could not delete " + root + ": " + e);
    }
  }
}
