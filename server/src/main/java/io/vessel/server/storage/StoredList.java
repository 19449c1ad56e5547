package io.vessel.server.storage;

import java.util.List;

/**
 * A page of a consistent list: the items, the revision of the snapshot they were read at, whether
 * more items follow the last one, and (when asked for) how many.
 *
 * @param remaining the number of items after this page, or null when not counted
 */
public record StoredList(long rv, List<StoredObject> items, boolean more, Long remaining) {}
