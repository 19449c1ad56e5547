package io.vessel.server.storage.cache;

import io.vessel.server.storage.StoredEvent.Type;

/**
 * One event as one watcher sees it: the selector table may have turned its type around, and an
 * object leaving the selector is sent as DELETED with its previous state restamped at the event's
 * revision (then {@code restamped} holds those bytes).
 */
public record WatchDelivery(Type type, CacheEvent event, byte[] restamped) {

  public byte[] object() {
    return restamped != null ? restamped : event.value();
  }

  public long rv() {
    return event.rv();
  }

  public byte[] frame() {
    return restamped != null ? WatchFrames.json(type.name(), restamped) : event.frame(type);
  }
}
