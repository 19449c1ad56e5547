package io.vessel.server.storage.cache;

/**
 * How a watch starts.
 *
 * @param start what the watch receives before live changes
 * @param fromRv for {@link Start#CHANGES_AFTER}: only changes after this revision
 * @param minRv the cache must have reached this revision before the watch starts (a consistent
 *     "most recent" start, or a "not older than" bound); 0 for none
 * @param bookmarks whether the client asked for BOOKMARK events
 * @param initialEventsEnd whether to mark the end of the initial state with a BOOKMARK annotated
 *     {@code k8s.io/initial-events-end} (watch-list)
 */
public record WatchRequest(
    WatchFilter filter,
    Start start,
    long fromRv,
    long minRv,
    boolean bookmarks,
    boolean initialEventsEnd) {

  /** What a watch sees first. */
  public enum Start {
    /** The current state as ADDED events, then changes. */
    STATE_THEN_CHANGES,
    /** Every retained change after {@code fromRv}. */
    CHANGES_AFTER,
    /** Only changes from the cache's current revision on. */
    CHANGES_FROM_NOW
  }

  public static WatchRequest stateThenChanges(WatchFilter filter, long minRv, boolean bookmarks) {
    return new WatchRequest(filter, Start.STATE_THEN_CHANGES, 0, minRv, bookmarks, false);
  }

  public static WatchRequest changesAfter(WatchFilter filter, long fromRv, boolean bookmarks) {
    return new WatchRequest(filter, Start.CHANGES_AFTER, fromRv, 0, bookmarks, false);
  }
}
