package io.vessel.agent;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.agent.ContainerLogLocator.ContainerLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one container log to one response: what the file holds and, when following, what the
 * container appends, until the container stops writing (it is no longer running, or a newer
 * attempt has a log file) and the file is read to its end, {@code limitBytes} is reached, or the
 * client goes.
 * A followed file is polled every {@link #POLL_EVERY}; whether the container still writes is asked
 * at most every {@link #STATE_CHECK_EVERY} (a runtime call), and only at the end of the file.
 *
 * <p>Threading: reading and filtering run as steps on the worker executor, never on the event
 * loop, one at a time (a step starts only once the previous one has completed, which also hands
 * the reader and the filter safely from one worker thread to the next). The response, the timer
 * and the flags belong to the request's context.
 */
final class ContainerLogStreamer {
  static final Duration POLL_EVERY = Duration.ofMillis(150);
  static final Duration STATE_CHECK_EVERY = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(ContainerLogStreamer.class);

  private enum Next { NOW, LATER, END }

  private record Step(byte[] out, Next next) {}

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final HttpServerResponse response;
  private final ContainerLog log;
  private final LogOptions options;
  private final ContainerLogLocator locator;
  private final ContainerStates states;

  // owned by the step in flight
  private final LogFileReader reader;
  private final LogFilter filter;
  private long lastStateCheck;
  private boolean stateChecked;
  private boolean draining;

  // owned by the request's context
  private boolean stepping;
  private boolean closed;
  private long timer = -1;

  /** @param reader the log file, already open: a file that vanished is an error, not a 200 */
  ContainerLogStreamer(
      Vertx vertx, WorkerExecutor worker, HttpServerResponse response, ContainerLog log,
      LogFileReader reader, LogOptions options, ContainerLogLocator locator,
      ContainerStates states) {
    this.vertx = vertx;
    this.worker = worker;
    this.response = response;
    this.log = log;
    this.reader = reader;
    this.options = options;
    this.filter = new LogFilter(options);
    this.locator = locator;
    this.states = states;
  }

  /** Sends the headers and the first chunk; call on the request's context. */
  void start() {
    if (response.closed()) {
      closeReader();
      return;
    }
    response.closeHandler(v -> onClose());
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
    // a followed log may be quiet for long: the client learns at once that it is being served
    response.writeHead();
    next();
  }

  private void next() {
    if (closed) {
      return;
    }
    stepping = true;
    worker
        .executeBlocking(this::step, false)
        .onComplete(
            ar -> {
              stepping = false;
              if (closed) {
                closeReader();
              } else if (ar.failed()) {
                LOG.warn("log of {} attempt {}: {}", log.container(), log.attempt(),
                    ar.cause().toString());
                closed = true;
                response.reset();
                closeReader();
              } else {
                send(ar.result());
              }
            });
  }

  private void send(Step step) {
    if (step.out().length > 0) {
      response.write(Buffer.buffer(step.out()));
    }
    switch (step.next()) {
      case END -> {
        closed = true;
        response.end();
        closeReader();
      }
      case NOW -> whenWritable();
      case LATER ->
          timer =
              vertx.setTimer(
                  POLL_EVERY.toMillis(),
                  id -> {
                    timer = -1;
                    whenWritable();
                  });
    }
  }

  /** A slow client holds the reading back instead of filling the agent's memory. */
  private void whenWritable() {
    if (!response.writeQueueFull()) {
      next();
      return;
    }
    response.drainHandler(
        v -> {
          response.drainHandler(null);
          next();
        });
  }

  private void onClose() {
    if (closed) {
      return;
    }
    closed = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (!stepping) {
      closeReader();
    }
  }

  /** One read of the file: runs on a worker thread. */
  private Step step() throws IOException {
    var out = new ByteArrayOutputStream();
    var chunk = reader.read();
    add(chunk.lines(), out);
    if (filter.exhausted()) {
      return new Step(out.toByteArray(), Next.END);
    }
    if (!chunk.eof()) {
      return new Step(out.toByteArray(), Next.NOW);
    }
    if (!options.follow() || draining) {
      add(List.of(reader.rest()), out);
      out.writeBytes(filter.finish());
      return new Step(out.toByteArray(), Next.END);
    }
    out.writeBytes(filter.caughtUp());
    if (filter.exhausted()) {
      return new Step(out.toByteArray(), Next.END);
    }
    if (stateCheckDue() && !stillWriting()) {
      // it wrote its last line before we asked: one more read to the end gets everything
      draining = true;
      return new Step(out.toByteArray(), Next.NOW);
    }
    return new Step(out.toByteArray(), Next.LATER);
  }

  private boolean stateCheckDue() {
    long now = System.nanoTime();
    if (stateChecked && now - lastStateCheck < STATE_CHECK_EVERY.toNanos()) {
      return false;
    }
    stateChecked = true;
    lastStateCheck = now;
    return true;
  }

  private boolean stillWriting() {
    return !locator.superseded(log)
        && states.mayWrite(log.podUid(), log.container(), log.attempt());
  }

  private void add(List<byte[]> lines, ByteArrayOutputStream out) {
    for (byte[] line : lines) {
      if (line.length == 0) {
        continue;
      }
      CriLogLine record;
      try {
        record = CriLogLine.parse(line);
      } catch (IllegalArgumentException e) {
        // as the kubelet: a line it cannot parse is skipped, not the end of the log
        LOG.debug("{}: {}", log.file(), e.getMessage());
        continue;
      }
      out.writeBytes(filter.add(record));
    }
  }

  private void closeReader() {
    try {
      reader.close();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", log.file(), e.toString());
    }
  }
}
