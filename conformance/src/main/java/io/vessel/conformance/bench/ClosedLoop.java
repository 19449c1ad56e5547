package io.vessel.conformance.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} clients, each sending its next operation as soon as the
 * previous one answered, until {@code total} operations were sent. Latency is per operation, from
 * sending to the complete answer (an operation that yields a {@link Reply} ends when the reply's
 * body arrived, so checks made afterwards are not counted); failed operations count as errors (and
 * their latency is kept: a slow error is still slow).
 */
final class ClosedLoop {

  private static final int ERROR_SAMPLES = 3;

  /**
   * What one loop measured.
   *
   * @param errorSamples the first few failure messages, quoted in the report
   */
  record Outcome(
      int ok, int errors, List<String> errorSamples, double seconds, Latencies latency) {}

  private final int total;
  private final IntFunction<Future<?>> operation;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final List<String> errorSamples = new CopyOnWriteArrayList<>();
  private final Latencies latency;
  private final Promise<Outcome> done = Promise.promise();
  private final AtomicInteger running;
  private long startNanos;

  private ClosedLoop(int total, int concurrency, IntFunction<Future<?>> operation) {
    this.total = total;
    this.operation = operation;
    this.latency = new Latencies(total);
    this.running = new AtomicInteger(concurrency);
  }

  /**
   * Runs the loop; the future completes when every operation answered.
   *
   * @param operation operation {@code i} (0-based, each index exactly once)
   */
  static Future<Outcome> run(int total, int concurrency, IntFunction<Future<?>> operation) {
    var loop = new ClosedLoop(total, Math.min(concurrency, total), operation);
    loop.startNanos = System.nanoTime();
    for (int c = 0; c < Math.min(concurrency, total); c++) {
      loop.sendNext();
    }
    return loop.done.future();
  }

  private void sendNext() {
    int i = next.getAndIncrement();
    if (i >= total) {
      if (running.decrementAndGet() == 0) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        done.complete(
            new Outcome(ok.get(), errors.get(), List.copyOf(errorSamples), seconds, latency));
      }
      return;
    }
    long sent = System.nanoTime();
    Future<?> op;
    try {
      op = operation.apply(i);
    } catch (RuntimeException e) {
      op = Future.failedFuture(e);
    }
    op.onComplete(
        ar -> {
          long end =
              ar.succeeded() && ar.result() instanceof Reply reply
                  ? reply.receivedNanos()
                  : System.nanoTime();
          latency.record(end - sent);
          if (ar.succeeded()) {
            ok.incrementAndGet();
          } else {
            errors.incrementAndGet();
            if (errorSamples.size() < ERROR_SAMPLES) {
              errorSamples.add(String.valueOf(ar.cause().getMessage()));
            }
          }
          sendNext();
        });
  }
}
