package io.vessel.server.storage.cache;

import io.vessel.server.storage.StoredEvent.Type;

/**
 * One registered watch inside a {@link WatchCache}: its filter, where it starts, and where its
 * events go. Applies the selector table: an object entering the selection is ADDED, one leaving
 * it is DELETED, and changes outside it are not seen at all.
 *
 * <p>Threading: owned by the cache context.
 */
final class Watcher {
  final WatchFilter filter;
  final WatchSink sink;
  final boolean bookmarks;
  private final long startAfter;
  boolean closed;

  Watcher(WatchFilter filter, WatchSink sink, long startAfter, boolean bookmarks) {
    this.filter = filter;
    this.sink = sink;
    this.startAfter = startAfter;
    this.bookmarks = bookmarks;
  }

  /** What this watcher sees of {@code e}, or null if nothing. */
  WatchDelivery translate(CacheEvent e) {
    if (e.rv() <= startAfter) {
      return null;
    }
    String ns = e.key().namespace();
    boolean cur = e.type() != Type.DELETED && filter.matches(ns, e.attrs());
    boolean prev = e.prevValue() != null && filter.matches(ns, e.prevAttrs());
    if (cur && !prev) {
      return new WatchDelivery(Type.ADDED, e, null);
    }
    if (cur) {
      return new WatchDelivery(Type.MODIFIED, e, null);
    }
    if (prev) {
      // Leaving the selection: a real delete already carries the final state at its revision.
      byte[] restamped = e.type() == Type.DELETED ? null : Restamp.at(e.prevValue(), e.rv());
      return new WatchDelivery(Type.DELETED, e, restamped);
    }
    return null;
  }
}
