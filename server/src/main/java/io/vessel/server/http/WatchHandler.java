package io.vessel.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.storage.cache.WatchCaches;
import io.vessel.server.storage.cache.WatchDelivery;
import io.vessel.server.storage.cache.WatchFrames;
import io.vessel.server.storage.cache.WatchSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a watch as a chunked stream of {@code {"type","object"}} frames (JSON objects, or
 * one-row Tables when the client asked for Table). A start revision that is too old is answered,
 * as upstream, with HTTP 200 and a single ERROR event carrying 410 Expired. The stream ends after
 * {@code timeoutSeconds} (default 1800 s times a random factor between 1 and 2, as upstream), when
 * the client goes, or when the client reads too slowly to keep up.
 */
final class WatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WatchHandler.class);

  /** Frames queued beyond the connection's own buffer before a slow watcher is cut off. */
  static final int MAX_BACKLOG = 10_000;

  /**
   * Bytes queued beyond the connection's own buffer before a slow watcher is cut off. Counting
   * frames alone let one watcher that never reads pin 10,000 large objects (up to 3 MiB each)
   * after the watch cache had let them go.
   */
  static final long MAX_BACKLOG_BYTES = 16L * 1024 * 1024;

  /**
   * How long frames may wait without the connection taking a single one before the stream is
   * reset, so that the client re-watches from its last revision instead of hanging. A client that
   * reads slowly still makes progress; this catches one that does not read at all, and a stream
   * stuck inside the HTTP/2 stack (Vert.x 5.0's flow-control re-entrancy can leave a stream
   * believing it is unwritable forever, seen under load in the API bench).
   */
  private final long stallTimeoutMs =
      Long.getLong("vessel.watch.stallTimeoutMs", TimeUnit.SECONDS.toMillis(60));

  Future<Void> watch(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      ListOptions opts,
      OutputFormat fmt) {
    if (fmt.kind() == OutputFormat.Kind.YAML) {
      throw ApiException.notAcceptable(
          "only the following media types are accepted: application/json");
    }
    Stream stream = new Stream(req, def, fmt, Vertx.currentContext(), stallTimeoutMs);
    long timeoutMs =
        opts.timeoutSeconds() != null && opts.timeoutSeconds() > 0
            ? opts.timeoutSeconds() * 1000
            : (long) (1800_000 * (1 + ThreadLocalRandom.current().nextDouble()));
    return store
        .watch(namespace, opts, stream)
        .map(
            reg -> {
              stream.started(reg, timeoutMs);
              return (Void) null;
            })
        .recover(
            t -> {
              if (t instanceof ApiException e && e.code() == 410) {
                stream.expireNow(e.getMessage());
                return Future.succeededFuture();
              }
              return Future.failedFuture(t);
            });
  }

  /**
   * One client's stream. Calls from the cache arrive on the cache context and are moved to the
   * connection's context, where all of this object's state lives.
   */
  private static final class Stream implements WatchSink {
    private final HttpServerRequest req;
    private final HttpServerResponse resp;
    private final ResourceDefinition def;
    private final OutputFormat fmt;
    private final Context ctx;
    private final long stallTimeoutMs;
    private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
    private long backlogBytes;
    private WatchCaches.Registration registration;
    private long timer = -1;
    private long stallTimer = -1;
    private long lastProgressNanos;
    private boolean done;

    Stream(
        HttpServerRequest req,
        ResourceDefinition def,
        OutputFormat fmt,
        Context ctx,
        long stallTimeoutMs) {
      this.req = req;
      this.stallTimeoutMs = stallTimeoutMs;
      this.resp = req.response();
      this.def = def;
      this.fmt = fmt;
      this.ctx = ctx;
      resp.closeHandler(v -> finish(false));
      resp.exceptionHandler(t -> finish(false));
    }

    void started(WatchCaches.Registration reg, long timeoutMs) {
      this.registration = reg;
      if (done) {
        reg.cancel();
        return;
      }
      head();
      timer = ctx.owner().setTimer(timeoutMs, id -> finish(true));
    }

    @Override
    public void deliver(List<WatchDelivery> events) {
      ctx.runOnContext(
          v -> {
            for (WatchDelivery d : events) {
              send(frame(d));
            }
          });
    }

    @Override
    public void bookmark(long rv, boolean initialEventsEnd) {
      if (fmt.kind() == OutputFormat.Kind.TABLE) {
        return;
      }
      String annotations =
          initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "";
      String object =
          "{\"kind\":\""
              + def.kind()
              + "\",\"apiVersion\":\""
              + def.apiVersion()
              + "\",\"metadata\":{\"resourceVersion\":\""
              + rv
              + "\",\"creationTimestamp\":null"
              + annotations
              + "}}";
      byte[] frame = WatchFrames.json("BOOKMARK", object.getBytes(StandardCharsets.UTF_8));
      ctx.runOnContext(v -> send(Buffer.buffer(frame)));
    }

    @Override
    public void expire(String message) {
      ctx.runOnContext(v -> expireNow(message));
    }

    void expireNow(String message) {
      if (done) {
        return;
      }
      ObjectNode status = StatusResponder.status(ApiException.gone(message));
      byte[] frame;
      try {
        frame = WatchFrames.json("ERROR", Serialization.json().writeValueAsBytes(status));
      } catch (Exception e) {
        frame = new byte[0];
      }
      send(Buffer.buffer(frame));
      finish(true);
    }

    private Buffer frame(WatchDelivery d) {
      if (fmt.kind() != OutputFormat.Kind.TABLE) {
        return Buffer.buffer(d.frame());
      }
      HasMetadata obj = ObjectCodec.decode(d.object(), def.type());
      ObjectNode table =
          TableWriter.table(
              def, fmt.tableVersion(), List.of(obj), req.getParam("includeObject"), null, null, null);
      try {
        return Buffer.buffer(
            WatchFrames.json(d.type().name(), Serialization.json().writeValueAsBytes(table)));
      } catch (Exception e) {
        throw ApiException.internal(e.getMessage());
      }
    }

    private void head() {
      if (!resp.headWritten() && !resp.ended()) {
        resp.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        resp.write(Buffer.buffer());
      }
    }

    private void send(Buffer frame) {
      if (done || frame.length() == 0) {
        return;
      }
      head();
      if (!backlog.isEmpty() || resp.writeQueueFull()) {
        if (backlog.isEmpty()) {
          watchForStall();
        }
        backlog.add(frame);
        backlogBytes += frame.length();
        if (backlog.size() > MAX_BACKLOG || backlogBytes > MAX_BACKLOG_BYTES) {
          finish(true); // too slow: the client re-watches from its last revision
          return;
        }
        resp.drainHandler(v -> drain());
        return;
      }
      resp.write(frame);
    }

    private void drain() {
      lastProgressNanos = System.nanoTime();
      while (!backlog.isEmpty() && !resp.writeQueueFull()) {
        Buffer frame = backlog.poll();
        backlogBytes -= frame.length();
        resp.write(frame);
      }
      if (!backlog.isEmpty()) {
        resp.drainHandler(v -> drain());
      }
    }

    private void watchForStall() {
      lastProgressNanos = System.nanoTime();
      if (stallTimer < 0) {
        stallTimer = ctx.owner().setTimer(stallTimeoutMs, id -> checkStall());
      }
    }

    private void checkStall() {
      stallTimer = -1;
      if (done || backlog.isEmpty()) {
        return;
      }
      long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProgressNanos);
      if (idleMs < stallTimeoutMs) {
        stallTimer = ctx.owner().setTimer(stallTimeoutMs - idleMs, id -> checkStall());
        return;
      }
      LOG.warn(
          "watch {}: {} frames waited {} ms with none taken; resetting the stream",
          req.uri(),
          backlog.size(),
          idleMs);
      finish(false);
      // a reset goes out ahead of anything queued, which an end would wait behind
      resp.reset();
    }

    private void finish(boolean endResponse) {
      if (done) {
        return;
      }
      done = true;
      // what was never written goes now, not when the connection finally closes
      backlog.clear();
      backlogBytes = 0;
      if (registration != null) {
        registration.cancel();
      }
      if (timer >= 0) {
        ctx.owner().cancelTimer(timer);
      }
      if (stallTimer >= 0) {
        ctx.owner().cancelTimer(stallTimer);
      }
      if (endResponse && !resp.ended() && !resp.closed()) {
        head();
        resp.end();
      }
    }
  }
}
