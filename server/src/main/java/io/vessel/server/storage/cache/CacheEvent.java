package io.vessel.server.storage.cache;

import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredEvent.Type;

/**
 * One change as the cache keeps it: the new (or final) state and the state before, each with its
 * attributes, so that every watcher can apply the selector table without decoding anything.
 * Encoded frames are built lazily and shared by all watchers that receive the same type.
 *
 * <p>Threading: created on the cache context; {@link #frame} may be called from any thread (the
 * race only builds the same bytes twice).
 */
public final class CacheEvent {
  private final long rv;
  private final Type type;
  private final StorageKey key;
  private final byte[] value;
  private final ObjectAttrs attrs;
  private final byte[] prevValue;
  private final ObjectAttrs prevAttrs;
  private final byte[][] frames = new byte[Type.values().length][];

  public CacheEvent(
      long rv,
      Type type,
      StorageKey key,
      byte[] value,
      ObjectAttrs attrs,
      byte[] prevValue,
      ObjectAttrs prevAttrs) {
    this.rv = rv;
    this.type = type;
    this.key = key;
    this.value = value;
    this.attrs = attrs;
    this.prevValue = prevValue;
    this.prevAttrs = prevAttrs;
  }

  public long rv() {
    return rv;
  }

  public Type type() {
    return type;
  }

  public StorageKey key() {
    return key;
  }

  /** The object after the change; for DELETED the final state at the deletion's revision. */
  public byte[] value() {
    return value;
  }

  public ObjectAttrs attrs() {
    return attrs;
  }

  /** The object before the change, or null if it did not exist. */
  public byte[] prevValue() {
    return prevValue;
  }

  public ObjectAttrs prevAttrs() {
    return prevAttrs;
  }

  /** The JSON watch frame {@code {"type":…,"object":…}\n} for this event seen as {@code as}. */
  public byte[] frame(Type as) {
    byte[] f = frames[as.ordinal()];
    if (f == null) {
      f = WatchFrames.json(as.name(), value);
      frames[as.ordinal()] = f;
    }
    return f;
  }
}
