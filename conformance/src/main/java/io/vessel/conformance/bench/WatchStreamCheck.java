package io.vessel.conformance.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One watch stream of the fan-out phase: decodes its newline-delimited frames as they arrive and
 * keeps, per event, the resourceVersion, the object's write index and the arrival time. The verdict
 * (lost, duplicated, out of order) is made afterwards by {@link WatchVerdict} against the writes
 * actually made.
 *
 * <p>Threading: events are handled on the stream's context only; {@link #lastResourceVersion()} and
 * {@link #ended()} may be polled from any thread; the arrays are read only after the stream was
 * closed and its handlers had run (the caller waits for {@link #closed()}).
 */
final class WatchStreamCheck {

  private final int id;
  private long[] resourceVersions = new long[256];
  private long[] arrivals = new long[256];
  private int[] indexes = new int[256];
  private int events;
  private int bookmarks;
  private String failure;
  private volatile long lastResourceVersion;
  private volatile boolean ended;
  private volatile boolean closing;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private Context context;
  private HttpClientResponse response;

  WatchStreamCheck(int id) {
    this.id = id;
  }

  /** Installs the handlers; runs on the stream's context as soon as the head arrived. */
  void attach(HttpClientResponse resp) {
    this.response = resp;
    this.context = Vertx.currentContext();
    if (resp.statusCode() != 200) {
      failure = "watch answered " + resp.statusCode();
      resp.body().onComplete(ar -> end(failure + " " + (ar.succeeded() ? ar.result() : "")));
      return;
    }
    resp.handler(RecordParser.newDelimited("\n", this::onFrame));
    resp.endHandler(v -> end("the server ended the stream"));
    resp.exceptionHandler(t -> end("the stream failed: " + t));
  }

  private void onFrame(Buffer frame) {
    long arrival = System.nanoTime();
    WatchFrame event;
    try {
      event = WatchFrame.parse(frame.getBytes());
    } catch (IOException | RuntimeException e) {
      fail("undecodable frame: " + e.getMessage());
      return;
    }
    switch (event.type()) {
      case "BOOKMARK" -> bookmarks++;
      case "ERROR" -> fail("ERROR event: " + event.message());
      default -> append(event, arrival);
    }
  }

  private void append(WatchFrame event, long arrival) {
    if (events == resourceVersions.length) {
      int size = events * 2;
      resourceVersions = Arrays.copyOf(resourceVersions, size);
      arrivals = Arrays.copyOf(arrivals, size);
      indexes = Arrays.copyOf(indexes, size);
    }
    resourceVersions[events] = event.resourceVersion();
    arrivals[events] = arrival;
    // anything but a create of this phase, carrying its send time, gets -1: the verdict's "wrong"
    boolean ours = "ADDED".equals(event.type()) && event.sentAtMicros() > 0;
    indexes[events] = ours ? WatchWrites.indexOf(event.name()) : -1;
    events++;
    lastResourceVersion = Math.max(lastResourceVersion, event.resourceVersion());
  }

  private void fail(String message) {
    if (failure == null) {
      failure = message;
    }
  }

  private void end(String reason) {
    if (!closing) {
      fail(reason);
    }
    ended = true;
    closed.complete(null);
  }

  /** Ends the stream from this side (RST_STREAM); {@link #closed()} completes once it is gone. */
  void close() {
    closing = true;
    if (context == null) {
      closed.complete(null);
      return;
    }
    context.runOnContext(
        v -> {
          if (ended) {
            closed.complete(null);
          } else {
            response.request().reset().onComplete(ar -> closed.complete(null));
          }
        });
  }

  CompletableFuture<Void> closed() {
    return closed;
  }

  long lastResourceVersion() {
    return lastResourceVersion;
  }

  boolean ended() {
    return ended;
  }

  int id() {
    return id;
  }

  int events() {
    return events;
  }

  int bookmarks() {
    return bookmarks;
  }

  /** Why the stream is broken (refused, ended by the server, an ERROR event), or null. */
  String failure() {
    return failure;
  }

  long resourceVersion(int event) {
    return resourceVersions[event];
  }

  long arrival(int event) {
    return arrivals[event];
  }

  int index(int event) {
    return indexes[event];
  }
}
