package io.vessel.server.storage.cache;

import java.util.List;

/**
 * The consumer end of one watch. The cache calls it on the cache context, in revision order, and
 * never concurrently; an implementation hands the work to its own connection context.
 */
public interface WatchSink {

  /** Events in revision order, continuing the previous call. */
  void deliver(List<WatchDelivery> events);

  /**
   * A progress notification: every event up to {@code rv} has been delivered. With {@code
   * initialEventsEnd} it also marks the end of a watch-list's initial state.
   */
  void bookmark(long rv, boolean initialEventsEnd);

  /**
   * The watch cannot go on (e.g. its start revision is gone, or the cache was reset): send the
   * client an ERROR event carrying 410 Expired with this message, then end the stream.
   */
  void expire(String message);
}
