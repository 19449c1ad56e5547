package io.vessel.server.storage;

import java.util.List;

/**
 * A page of a consistent list: the items, the revision of the snapshot they were read at, and
 * whether more items follow the last one.
 */
public record StoredList(long rv, List<StoredObject> items, boolean more) {}
