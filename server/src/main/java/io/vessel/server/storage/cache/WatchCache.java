package io.vessel.server.storage.cache;

import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredEvent;
import io.vessel.server.storage.StoredEvent.Type;
import io.vessel.server.storage.StoredObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * One resource's cache: its current objects, and a sliding window of its recent events from which
 * watches resume. Every event of this resource with a revision above {@link #validFrom} is in the
 * window; a resume from an older revision is answered with 410.
 *
 * <p>Threading: owned by the cache context of {@link WatchCaches}.
 */
final class WatchCache {
  private final String resource;
  private final AttrsExtractor extractor;
  private final int capacity;
  private final long maxAgeMs;
  private final TreeMap<StorageKey, CachedObject> state = new TreeMap<>();
  private final ArrayDeque<CacheEvent> window = new ArrayDeque<>();
  private final ArrayDeque<Long> appliedAt = new ArrayDeque<>();
  private final List<Watcher> watchers = new ArrayList<>();
  private long validFrom;

  WatchCache(String resource, AttrsExtractor extractor, int capacity, long maxAgeMs) {
    this.resource = resource;
    this.extractor = extractor;
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
  }

  /** Replaces the state with a snapshot at {@code rv}; watches that were open end with 410. */
  void reset(long rv, List<StoredObject> objects) {
    state.clear();
    window.clear();
    appliedAt.clear();
    for (StoredObject o : objects) {
      state.put(o.key(), new CachedObject(o.key(), o.rv(), o.value(), extract(o.value())));
    }
    validFrom = rv;
    for (Watcher w : watchers) {
      w.closed = true;
      w.sink.expire("the watch cache was reset at resource version " + rv + ": relist");
    }
    watchers.clear();
  }

  CacheEvent apply(StoredEvent e, long nowMs) {
    CachedObject prev = state.get(e.key());
    ObjectAttrs attrs = extract(e.value());
    if (e.type() == Type.DELETED) {
      state.remove(e.key());
    } else {
      state.put(e.key(), new CachedObject(e.key(), e.rv(), e.value(), attrs));
    }
    CacheEvent ce =
        new CacheEvent(
            e.rv(),
            e.type(),
            e.key(),
            e.value(),
            attrs,
            prev == null ? null : prev.value(),
            prev == null ? null : prev.attrs());
    window.addLast(ce);
    appliedAt.addLast(nowMs);
    trim(nowMs);
    return ce;
  }

  private void trim(long nowMs) {
    while (!window.isEmpty()
        && (window.size() > capacity || nowMs - appliedAt.peekFirst() > maxAgeMs)) {
      validFrom = window.pollFirst().rv();
      appliedAt.pollFirst();
    }
  }

  /** Hands this cache's events of one feed batch to every interested watcher, in order. */
  void dispatch(List<CacheEvent> events) {
    for (Iterator<Watcher> it = watchers.iterator(); it.hasNext(); ) {
      Watcher w = it.next();
      if (w.closed) {
        it.remove();
        continue;
      }
      List<WatchDelivery> out = null;
      for (CacheEvent e : events) {
        WatchDelivery d = w.translate(e);
        if (d != null) {
          if (out == null) {
            out = new ArrayList<>();
          }
          out.add(d);
        }
      }
      if (out != null) {
        w.sink.deliver(out);
      }
    }
  }

  CachedObject get(StorageKey key) {
    return state.get(key);
  }

  List<CachedObject> list(WatchFilter filter) {
    List<CachedObject> out = new ArrayList<>();
    Iterable<CachedObject> scope =
        filter.namespace().isEmpty()
            ? state.values()
            : state
                .subMap(
                    new StorageKey(resource, filter.namespace(), ""),
                    true,
                    new StorageKey(resource, filter.namespace() + "\0", ""),
                    false)
                .values();
    for (CachedObject o : scope) {
      if (filter.matches(o.key().namespace(), o.attrs())) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Registers a watch. With {@code fromRv < 0} it first receives the current state as ADDED
   * events; otherwise it receives every retained event after {@code fromRv}. Both happen before
   * any later event can be dispatched, so nothing is missed or repeated.
   *
   * @return false if {@code fromRv} is older than the retained window (the caller answers 410)
   */
  boolean addWatcher(Watcher w, long fromRv) {
    if (fromRv >= 0 && fromRv < validFrom) {
      return false;
    }
    List<WatchDelivery> initial = new ArrayList<>();
    if (fromRv < 0) {
      for (CachedObject o : list(w.filter)) {
        CacheEvent synthetic =
            new CacheEvent(o.rv(), Type.ADDED, o.key(), o.value(), o.attrs(), null, null);
        initial.add(new WatchDelivery(Type.ADDED, synthetic, null));
      }
    } else {
      for (CacheEvent e : window) {
        if (e.rv() > fromRv) {
          WatchDelivery d = w.translate(e);
          if (d != null) {
            initial.add(d);
          }
        }
      }
    }
    if (!initial.isEmpty()) {
      w.sink.deliver(initial);
    }
    watchers.add(w);
    return true;
  }

  void removeWatcher(Watcher w) {
    w.closed = true;
    watchers.remove(w);
  }

  List<Watcher> watchers() {
    return watchers;
  }

  /** The oldest revision a watch may resume from. */
  long validFrom() {
    return validFrom;
  }

  private ObjectAttrs extract(byte[] value) {
    return extractor.extract(resource, value);
  }
}
