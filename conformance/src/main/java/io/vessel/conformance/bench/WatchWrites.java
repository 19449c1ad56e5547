package io.vessel.conformance.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The writers of the fan-out phase: an open loop creating objects {@code w-00000, w-00001, ...} at
 * a fixed rate, whatever the server's latency (a slow server gets a queue, not a lighter load).
 * Each object carries its client send time in the {@link WatchFrame#SENT_AT} annotation. The log
 * keeps, per write, when it was sent, when its answer arrived and the resourceVersion it got: the
 * events every watcher must deliver.
 *
 * <p>Threading: every field is owned by one event-loop context, where the pacing timer runs and
 * where every answer is handled; {@link #run()} completes on it, after which the log is read-only.
 */
final class WatchWrites {

  /** One successful write. */
  record Write(int index, long resourceVersion, long sentNanos, long answeredNanos) {}

  private static final int ERROR_SAMPLES = 3;

  private final Vertx vertx;
  private final Context context;
  private final ApiClient api;
  private final BenchResource resource;
  private final String namespace;
  private final int total;
  private final long intervalNanos;
  private final Latencies latency;
  private final List<Write> writes = new ArrayList<>();
  private final List<String> errorSamples = new ArrayList<>();
  private final Promise<Void> done = Promise.promise();
  private int issued;
  private int answered;
  private int errors;
  private long startNanos;
  private long finishNanos;

  WatchWrites(
      Vertx vertx, ApiClient api, BenchResource resource, String namespace, int rate, int total) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.api = api;
    this.resource = resource;
    this.namespace = namespace;
    this.total = total;
    this.intervalNanos = 1_000_000_000L / rate;
    this.latency = new Latencies(total);
  }

  /** Writes them all; completes once every write answered. */
  Future<Void> run() {
    context.runOnContext(
        v -> {
          startNanos = System.nanoTime();
          // Vert.x timers tick in milliseconds: each tick sends every write that is due by now
          vertx.setPeriodic(
              1,
              timer -> {
                long due = Math.min(total, (System.nanoTime() - startNanos) / intervalNanos + 1);
                while (issued < due) {
                  send(issued++);
                }
                if (issued == total) {
                  vertx.cancelTimer(timer);
                }
              });
        });
    return done.future();
  }

  private void send(int index) {
    long sent = System.nanoTime();
    var annotations = Map.of(WatchFrame.SENT_AT, Long.toString(Clock.epochMicros(sent)));
    WritePhases.create(api, resource, namespace, index, name(index), annotations)
        .onComplete(
            ar -> {
              long now = ar.succeeded() ? ar.result().receivedNanos() : System.nanoTime();
              latency.record(now - sent);
              if (ar.succeeded()) {
                record(index, sent, ar.result());
              } else {
                fail(ar.cause().getMessage());
              }
              if (++answered == total) {
                finishNanos = System.nanoTime();
                done.complete();
              }
            });
  }

  private void record(int index, long sent, Reply reply) {
    try {
      var meta = WatchFrame.parseObject(reply.body().getBytes());
      writes.add(new Write(index, meta.resourceVersion(), sent, reply.receivedNanos()));
    } catch (IOException | RuntimeException e) {
      fail("create answer without a resourceVersion: " + reply.describe());
    }
  }

  private void fail(String message) {
    errors++;
    if (errorSamples.size() < ERROR_SAMPLES) {
      errorSamples.add(message);
    }
  }

  static String name(int index) {
    return String.format("w-%05d", index);
  }

  /** The index in a name {@link #name} made, or -1. */
  static int indexOf(String name) {
    if (name == null || !name.startsWith("w-")) {
      return -1;
    }
    try {
      return Integer.parseInt(name.substring(2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The successful writes, by resourceVersion. Only after {@link #run()} completed. */
  Write[] byResourceVersion() {
    var sorted = writes.toArray(new Write[0]);
    Arrays.sort(sorted, Comparator.comparingLong(Write::resourceVersion));
    return sorted;
  }

  int errors() {
    return errors;
  }

  List<String> errorSamples() {
    return List.copyOf(errorSamples);
  }

  Latencies latency() {
    return latency;
  }

  /** Writes per second actually achieved, first send to last answer. */
  double achievedRate() {
    double seconds = (finishNanos - startNanos) / 1e9;
    return seconds > 0 ? total / seconds : 0;
  }
}
