package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A watch that follows a collection the way a reflector does: when its stream ends or breaks it
 * resumes from the last resourceVersion it saw (an event or a bookmark), on the next server if
 * its own became unreachable; when the server answers a resume with an ERROR event carrying 410
 * Gone, it relists and watches from the list's resourceVersion. Everything it receives is kept,
 * segment by segment, for {@link WatchHistoryCheck}.
 *
 * <p>Threading: one daemon thread runs the watch; the test thread reads snapshots.
 */
public final class ResumingWatch implements AutoCloseable {

  /** Pause before retrying after a failure, as a reflector backs off. */
  private static final long BACKOFF_MS = 200;

  private final String name;
  private final Failover servers;
  private final String collection;
  private final String selector;
  private final Thread thread;
  private final List<WatchHistory.Segment> finished = new ArrayList<>();
  private long segmentFrom;
  private List<JsonNode> segmentRelisted;
  /** A relist taken after 410, for the next segment. */
  private List<JsonNode> relisted;
  private int opens;
  private String segmentServer = "";
  private List<WatchEvent> segmentEvents = new ArrayList<>();
  private WatchStream stream;
  private long lastResourceVersion;
  private int resumes;
  private int relists;
  private int refusals;
  private AssertionError failure;
  private boolean cutting;
  private int cuts;
  private volatile boolean closed;

  private ResumingWatch(
      String name, Failover servers, String collection, String selector, long fromRv) {
    this.name = name;
    this.servers = servers;
    this.collection = collection;
    this.selector = selector;
    this.segmentFrom = fromRv;
    this.lastResourceVersion = fromRv;
    this.thread = new Thread(this::run, "resuming-watch-" + name);
    thread.setDaemon(true);
  }

  /**
   * Starts watching.
   *
   * @param name a name for messages and figures
   * @param servers where to watch, in order of preference
   * @param collection the collection path, e.g. {@code /api/v1/namespaces/ns/configmaps}
   * @param selector extra query, e.g. {@code labelSelector=a%3Db}, or an empty string
   * @param fromRv the resourceVersion to start after
   */
  public static ResumingWatch start(
      String name, Failover servers, String collection, String selector, long fromRv) {
    var watch = new ResumingWatch(name, servers, collection, selector, fromRv);
    watch.thread.start();
    return watch;
  }

  public String name() {
    return name;
  }

  private void run() {
    try {
      follow();
    } catch (AssertionError e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  private void follow() {
    while (!closed) {
      var server = servers.current();
      long openedAt;
      synchronized (this) {
        openedAt = lastResourceVersion;
      }
      WatchStream opened;
      try {
        opened = server.watch(watchPath(openedAt));
      } catch (UncheckedIOException e) {
        servers.unreachable(server);
        pause();
        continue;
      } catch (AssertionError e) {
        // refused (e.g. 503 while the server cannot serve): try again
        synchronized (this) {
          refusals++;
        }
        pause();
        continue;
      }
      synchronized (this) {
        if (opens++ > 0) {
          finishSegment();
          segmentFrom = openedAt;
        }
        segmentRelisted = relisted;
        relisted = null;
        stream = opened;
        segmentServer = server.server().toString();
      }
      try {
        opened.awaitEnd();
      } catch (InterruptedException e) {
        return;
      }
      boolean expired = absorb(opened);
      if (closed) {
        return;
      }
      boolean cut;
      synchronized (this) {
        cut = cutting;
        cutting = false;
      }
      if (expired) {
        relist();
      } else {
        if (opened.failure() != null && !cut) {
          servers.unreachable(server);
        }
        synchronized (this) {
          resumes++;
        }
        pause();
      }
    }
  }

  private String watchPath(long fromRv) {
    return collection
        + "?watch=1&allowWatchBookmarks=true"
        + (selector.isEmpty() ? "" : "&" + selector)
        + "&resourceVersion="
        + fromRv;
  }

  /** Moves the ended stream's events into the segment; true if it ended with 410 Gone. */
  private synchronized boolean absorb(WatchStream ended) {
    boolean expired = false;
    for (var event : ended.events()) {
      switch (event.type()) {
        case "BOOKMARK" -> lastResourceVersion = WatchHistory.resourceVersion(event);
        case "ERROR" -> {
          if (event.object().path("code").asInt() != 410) {
            throw new AssertionError(name + ": unexpected ERROR event " + event);
          }
          expired = true;
        }
        default -> {
          segmentEvents.add(event);
          lastResourceVersion = WatchHistory.resourceVersion(event);
        }
      }
    }
    stream = null;
    return expired;
  }

  /** Lists the collection (consistently) and starts a new segment at the list's revision. */
  private void relist() {
    while (!closed) {
      var server = servers.current();
      try {
        var listed =
            server.get(collection + (selector.isEmpty() ? "" : "?" + selector));
        if (listed.status() == 200) {
          var list = listed.json();
          var items = new ArrayList<JsonNode>();
          list.path("items").forEach(items::add);
          long rv = Long.parseLong(list.path("metadata").path("resourceVersion").asText());
          synchronized (this) {
            relisted = items;
            lastResourceVersion = rv;
            relists++;
          }
          return;
        }
      } catch (UncheckedIOException e) {
        servers.unreachable(server);
      }
      pause();
    }
  }

  private void finishSegment() {
    finished.add(
        new WatchHistory.Segment(segmentFrom, segmentRelisted, segmentEvents, segmentServer));
    segmentEvents = new ArrayList<>();
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(BACKOFF_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /**
   * The highest resourceVersion seen so far, from events or bookmarks, including those of the
   * stream still open.
   */
  public synchronized long lastResourceVersion() {
    long last = lastResourceVersion;
    if (stream != null) {
      for (var event : stream.events()) {
        if (!event.type().equals("ERROR")) {
          last = Math.max(last, WatchHistory.resourceVersion(event));
        }
      }
    }
    return last;
  }

  /**
   * What was received so far, the open stream's events included.
   *
   * @throws AssertionError if the server sent something a watch must never carry
   */
  public synchronized WatchHistory history() {
    if (failure != null) {
      throw failure;
    }
    var segments = new ArrayList<>(finished);
    var events = new ArrayList<>(segmentEvents);
    if (stream != null) {
      stream.events().stream()
          .filter(e -> !e.type().equals("BOOKMARK") && !e.type().equals("ERROR"))
          .forEach(events::add);
    }
    segments.add(new WatchHistory.Segment(segmentFrom, segmentRelisted, events, segmentServer));
    return new WatchHistory(segments);
  }

  /** How often the watch was reopened from its last resourceVersion. */
  public synchronized int resumes() {
    return resumes;
  }

  /** How often a resume was answered with 410 and the watch relisted. */
  public synchronized int relists() {
    return relists;
  }

  /** How often a server refused to open the watch (a non-200 answer). */
  public synchronized int refusals() {
    return refusals;
  }

  /**
   * Cuts the open stream from the client side, as a dropped connection would; the watch resumes
   * from the last resourceVersion it saw, on the same server.
   */
  public void cut() {
    Await.untilAsserted(
        name + " has a stream open to cut",
        () -> {
          synchronized (this) {
            assertThat(stream).isNotNull();
          }
        });
    WatchStream open;
    synchronized (this) {
      open = stream;
      if (open == null) {
        return; // it ended by itself just now
      }
      cutting = true;
      cuts++;
    }
    open.close();
  }

  /** How often {@link #cut} cut an open stream. */
  public synchronized int cuts() {
    return cuts;
  }

  /** Stops following; the history stays readable. */
  @Override
  public void close() {
    closed = true;
    WatchStream open;
    synchronized (this) {
      open = stream;
    }
    if (open != null) {
      open.close();
    }
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (stream != null) {
        absorb(stream);
      }
    }
  }
}
