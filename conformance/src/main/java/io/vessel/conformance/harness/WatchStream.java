package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An open watch: the events decoded so far from a chunked stream of JSON objects.
 *
 * <p>Threading: a daemon reader thread decodes events and appends them; test threads read snapshots
 * with {@link #events()} and wait with {@link Await}.
 */
public final class WatchStream implements AutoCloseable {

  private final String path;
  private final RestResponse head;
  private final InputStream body;
  private final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean ended;
  private volatile Throwable failure;

  WatchStream(String path, RestResponse head, InputStream body) {
    this.path = path;
    this.head = head;
    this.body = body;
    this.reader = new Thread(this::readEvents, "watch-" + path);
    reader.setDaemon(true);
    reader.start();
  }

  private void readEvents() {
    try (var values = Json.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(body)) {
      while (values.hasNextValue()) {
        var event = values.nextValue();
        events.add(new WatchEvent(event.path("type").asText(), event.path("object")));
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } finally {
      ended = true;
    }
  }

  /** Status and headers of the watch response (the body is the event stream). */
  public RestResponse head() {
    return head;
  }

  /** The events received so far, in order. */
  public List<WatchEvent> events() {
    return List.copyOf(events);
  }

  /** Whether the server ended the stream (or it broke). */
  public boolean ended() {
    return ended;
  }

  /**
   * Why the stream broke (an I/O error, a frame that was not JSON), or null if it is still open or
   * the server ended it cleanly.
   */
  public Throwable failure() {
    return failure;
  }

  /** Blocks until the stream has ended or broken and every event in it has been decoded. */
  public void awaitEnd() throws InterruptedException {
    reader.join();
  }

  /** A multi-line account of the watch and its events so far, for assertion messages. */
  public String describe() {
    var text = new StringBuilder("watch ").append(path).append(ended ? " (ended)" : " (open)");
    if (failure != null) {
      text.append(" failed: ").append(failure);
    }
    events.forEach(event -> text.append('\n').append(event));
    return text.toString();
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // closing an aborted stream may fail; the connection is gone either way
    }
  }
}
