package io.vessel.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.parsetools.RecordParser;
import java.util.function.Consumer;

/** Turns a watch response's newline-delimited JSON frames into {@link WatchEvent}s. */
final class WatchDecoder<T> {
  private final Class<T> type;
  private final Consumer<WatchEvent<T>> onEvent;
  private final Consumer<Throwable> onClose;
  private volatile boolean stopped;
  private boolean closed;

  WatchDecoder(Class<T> type, Consumer<WatchEvent<T>> onEvent, Consumer<Throwable> onClose) {
    this.type = type;
    this.onEvent = onEvent;
    this.onClose = onClose;
  }

  void attach(HttpClientResponse resp) {
    RecordParser frames = RecordParser.newDelimited("\n", this::frame);
    frames.maxRecordSize(64 * 1024 * 1024);
    resp.handler(frames);
    resp.endHandler(v -> close(null));
    resp.exceptionHandler(this::close);
  }

  void stop() {
    stopped = true;
  }

  private void frame(Buffer line) {
    if (stopped || line.length() == 0) {
      return;
    }
    try {
      onEvent.accept(parse(line));
    } catch (RuntimeException e) {
      close(e);
    }
  }

  private WatchEvent<T> parse(Buffer line) {
    try {
      JsonNode frame = Json.mapper().readTree(line.getBytes());
      WatchEvent.Type kind = WatchEvent.Type.valueOf(frame.path("type").asText());
      JsonNode object = frame.path("object");
      String rv = object.path("metadata").path("resourceVersion").asText("");
      return switch (kind) {
        case ERROR -> {
          Status status = Json.mapper().treeToValue(object, Status.class);
          int code = status.getCode() == null ? 500 : status.getCode();
          yield new WatchEvent<>(kind, null, rv, ApiException.of(code, status, object.toString()));
        }
        case BOOKMARK -> new WatchEvent<>(kind, null, rv, null);
        default -> new WatchEvent<>(kind, Json.mapper().treeToValue(object, type), rv, null);
      };
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalStateException("undecodable watch frame: " + e.getMessage(), e);
    }
  }

  private synchronized void close(Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    if (!stopped) {
      onClose.accept(cause);
    }
  }
}
