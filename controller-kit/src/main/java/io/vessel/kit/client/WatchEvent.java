package io.vessel.kit.client;

/** One frame of a watch stream, decoded. {@code object} is null for BOOKMARK-less ERROR frames. */
public record WatchEvent<T>(Type type, T object, String resourceVersion, ApiException error) {
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK,
    ERROR
  }
}
