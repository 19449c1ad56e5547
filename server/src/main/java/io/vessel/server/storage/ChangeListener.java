package io.vessel.server.storage;

import java.util.List;

/** Receives a change feed's output, always on the feed's context, in revision order. */
public interface ChangeListener {

  /**
   * The whole stored state at {@code rv}: once at start, and again after a reset (the feed lost
   * continuity; every watch must then end with 410 so that clients relist).
   */
  void onSnapshot(long rv, List<StoredObject> objects, boolean reset);

  /** Consecutive events, in revision order, continuing the previous call. */
  void onEvents(List<StoredEvent> events);
}
