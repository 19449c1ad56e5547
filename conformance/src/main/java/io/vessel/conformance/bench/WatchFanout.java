package io.vessel.conformance.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The watch fan-out phase: {@code watchers} streams on one namespace, all from the same
 * resourceVersion, multiplexed over HTTP/2 connections; then writers create objects there at a
 * fixed rate; then, once every stream has delivered the last write (or a deadline passed), the
 * streams are closed and checked one by one against the writes ({@link WatchVerdict}).
 */
final class WatchFanout {

  /** How long streams may take to deliver the last write once the writers are done. */
  private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

  /**
   * What the phase measured.
   *
   * @param connections HTTP/2 connections the watchers used (at most)
   * @param openSeconds time to open every stream
   * @param drainSeconds time after the last write answered until every stream had delivered it
   */
  record Result(
      int watchers,
      int connections,
      double openSeconds,
      WatchWrites writes,
      double drainSeconds,
      WatchVerdict verdict,
      CpuUsage cpu) {}

  private final Vertx vertx;
  private final ApiClient watchClient;
  private final ApiClient writeClient;
  private final BenchResource resource;
  private final String namespace;

  WatchFanout(
      Vertx vertx,
      ApiClient watchClient,
      ApiClient writeClient,
      BenchResource resource,
      String namespace) {
    this.vertx = vertx;
    this.watchClient = watchClient;
    this.writeClient = writeClient;
    this.resource = resource;
    this.namespace = namespace;
  }

  /** Runs the phase from the calling (non-event-loop) thread. */
  Result run(BenchOptions options, long serverPid) throws Exception {
    WritePhases.ensureNamespace(writeClient, namespace).await();
    long startRv = currentResourceVersion();

    long openStart = System.nanoTime();
    var streams = new ArrayList<WatchStreamCheck>();
    var opened = new ArrayList<Future<?>>();
    var path =
        resource.collection(namespace)
            + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=3600&resourceVersion="
            + startRv;
    for (int i = 0; i < options.watchers(); i++) {
      var stream = new WatchStreamCheck(i);
      streams.add(stream);
      opened.add(watchClient.stream(path, stream::attach));
    }
    Future.join(opened).await(2, TimeUnit.MINUTES);
    double openSeconds = (System.nanoTime() - openStart) / 1e9;
    var refused = streams.stream().filter(s -> s.failure() != null).findFirst();
    if (refused.isPresent()) {
      closeAll(streams);
      throw new IllegalStateException("watch " + path + ": " + refused.get().failure());
    }

    var cpu = CpuUsage.start(serverPid);
    var writes =
        new WatchWrites(
            vertx,
            writeClient,
            resource,
            namespace,
            options.writesPerSecond(),
            options.watchWrites());
    writes.run().await();
    long writesDone = System.nanoTime();
    var byRv = writes.byResourceVersion();
    long lastRv = byRv.length == 0 ? startRv : byRv[byRv.length - 1].resourceVersion();
    while (System.nanoTime() - writesDone < DRAIN_TIMEOUT_NANOS
        && streams.stream().anyMatch(s -> !s.ended() && s.lastResourceVersion() < lastRv)) {
      Thread.sleep(20); // polling a benchmark's own progress, not waiting for the server to settle
    }
    double drainSeconds = (System.nanoTime() - writesDone) / 1e9;
    var usage = cpu.stop();
    closeAll(streams);
    int connections =
        (options.watchers() + options.streamsPerConnection() - 1) / options.streamsPerConnection();
    return new Result(
        options.watchers(),
        connections,
        openSeconds,
        writes,
        drainSeconds,
        WatchVerdict.of(streams, byRv),
        usage);
  }

  /** The namespace's current resourceVersion, from a consistent one-item LIST. */
  private long currentResourceVersion() throws IOException {
    var reply =
        writeClient
            .get(resource.collection(namespace) + "?limit=1")
            .compose(r -> r.expect(200))
            .await();
    return WatchFrame.parseObject(reply.body().getBytes()).resourceVersion();
  }

  private static void closeAll(List<WatchStreamCheck> streams) throws Exception {
    streams.forEach(WatchStreamCheck::close);
    CompletableFuture.allOf(
            streams.stream().map(WatchStreamCheck::closed).toArray(CompletableFuture[]::new))
        .get(60, TimeUnit.SECONDS);
  }
}
