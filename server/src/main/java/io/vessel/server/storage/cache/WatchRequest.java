package io.vessel.server.storage.cache;

/**
 * How a watch starts.
 *
 * @param fromRv -1: first the current state as ADDED events, then changes; otherwise only changes
 *     after this revision
 * @param minRv the cache must have reached this revision before the watch starts (a consistent
 *     "most recent" start); 0 for none
 * @param bookmarks whether the client asked for BOOKMARK events
 */
public record WatchRequest(WatchFilter filter, long fromRv, long minRv, boolean bookmarks) {}
