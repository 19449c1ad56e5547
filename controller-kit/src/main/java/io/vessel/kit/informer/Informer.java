package io.vessel.kit.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.ListPage;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Watch;
import io.vessel.kit.client.WatchEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list-then-watch mirror of one resource: keeps a local cache current and tells handlers of
 * every change. A watch that ends is resumed from the last revision seen; a 410 (too old)
 * relists and reports the difference, so handlers never miss a final state.
 */
public final class Informer<T extends HasMetadata> {
  private static final Logger LOG = LoggerFactory.getLogger(Informer.class);
  private static final long RETRY_MS = 1000;

  private final Vertx vertx;
  private final Context context;
  private final ApiClient client;
  private final ResourceType<T> type;
  private final String namespace;
  private final ListOptions options;
  private final Map<String, T> cache = new ConcurrentHashMap<>();
  private final List<InformerHandler<T>> handlers = new CopyOnWriteArrayList<>();
  private final Promise<Void> synced = Promise.promise();
  private volatile String lastRv = "";
  private volatile boolean stopped;
  private Watch watch;

  public Informer(Vertx vertx, ApiClient client, ResourceType<T> type, String namespace, ListOptions options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.client = client;
    this.type = type;
    this.namespace = namespace;
    this.options = options;
  }

  public Informer(Vertx vertx, ApiClient client, ResourceType<T> type) {
    this(vertx, client, type, "", ListOptions.ALL);
  }

  public ResourceType<T> type() {
    return type;
  }

  public void addHandler(InformerHandler<T> handler) {
    handlers.add(handler);
    for (T o : cache.values()) {
      handler.onAdd(o);
    }
  }

  /** Starts listing; the future completes once the first list is in the cache. */
  public Future<Void> start() {
    context.runOnContext(v -> relist());
    return synced.future();
  }

  public Future<Void> synced() {
    return synced.future();
  }

  public boolean hasSynced() {
    return synced.future().isComplete();
  }

  public void stop() {
    stopped = true;
    context.runOnContext(
        v -> {
          if (watch != null) {
            watch.close();
          }
        });
  }

  public T get(String key) {
    return cache.get(key);
  }

  public T get(String namespace, String name) {
    return cache.get(ObjectKeys.of(namespace, name));
  }

  public Collection<T> list() {
    return cache.values();
  }

  public List<T> list(String namespace) {
    return cache.values().stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .toList();
  }

  private void relist() {
    if (stopped) {
      return;
    }
    client
        .listAll(type, namespace, options)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                LOG.warn("list {} failed, retrying: {}", type.plural(), ar.cause().getMessage());
                vertx.setTimer(RETRY_MS, t -> relist());
                return;
              }
              replace(ar.result());
              synced.tryComplete();
              startWatch();
            });
  }

  /** Swaps in a fresh list and reports what changed relative to the old cache. */
  private void replace(ListPage<T> page) {
    Map<String, T> fresh = new HashMap<>();
    for (T o : page.items()) {
      fresh.put(ObjectKeys.of(o), o);
    }
    for (Map.Entry<String, T> e : Map.copyOf(cache).entrySet()) {
      if (!fresh.containsKey(e.getKey())) {
        cache.remove(e.getKey());
        handlers.forEach(h -> h.onDelete(e.getValue()));
      }
    }
    for (Map.Entry<String, T> e : fresh.entrySet()) {
      T old = cache.put(e.getKey(), e.getValue());
      if (old == null) {
        handlers.forEach(h -> h.onAdd(e.getValue()));
      } else if (!rv(old).equals(rv(e.getValue()))) {
        handlers.forEach(h -> h.onUpdate(old, e.getValue()));
      }
    }
    lastRv = page.resourceVersion();
  }

  private void startWatch() {
    if (stopped) {
      return;
    }
    client
        .watch(type, namespace, options, lastRv, this::event, this::watchEnded)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                watch = ar.result();
                if (stopped) {
                  watch.close();
                }
              } else {
                watchEnded(ar.cause());
              }
            });
  }

  private void event(WatchEvent<T> e) {
    switch (e.type()) {
      case ADDED, MODIFIED -> {
        T o = e.object();
        T old = cache.put(ObjectKeys.of(o), o);
        if (old == null) {
          handlers.forEach(h -> h.onAdd(o));
        } else {
          handlers.forEach(h -> h.onUpdate(old, o));
        }
      }
      case DELETED -> {
        T o = e.object();
        T old = cache.remove(ObjectKeys.of(o));
        handlers.forEach(h -> h.onDelete(old != null ? old : o));
      }
      case BOOKMARK -> { }
      case ERROR -> throw e.error();
    }
    if (!e.resourceVersion().isEmpty()) {
      lastRv = e.resourceVersion();
    }
  }

  private void watchEnded(Throwable cause) {
    Watch ended = watch;
    watch = null;
    if (ended != null) {
      ended.close(); // an ERROR frame leaves the stream open
    }
    if (stopped) {
      return;
    }
    context.runOnContext(
        v -> {
          if (cause instanceof ApiException api && api.gone()) {
            relist();
          } else if (cause == null) {
            startWatch();
          } else {
            LOG.debug("watch {} ended: {}", type.plural(), cause.getMessage());
            vertx.setTimer(RETRY_MS, t -> startWatch());
          }
        });
  }

  private static String rv(HasMetadata o) {
    String rv = o.getMetadata().getResourceVersion();
    return rv == null ? "" : rv;
  }
}
