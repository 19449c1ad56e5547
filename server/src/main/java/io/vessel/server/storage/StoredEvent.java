package io.vessel.server.storage;

/** One committed change, as the change log records it. For DELETED, value is the final state. */
public record StoredEvent(long rv, Type type, StorageKey key, byte[] value) {

  /** Event types in the order of their stored codes. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED;

    public static Type ofCode(int code) {
      return values()[code];
    }
  }
}
