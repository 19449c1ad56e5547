package io.vessel.server.storage.cache;

import java.util.List;

/** A list served from a watch cache: the matching objects as of revision {@code rv}. */
public record CachedList(long rv, List<CachedObject> items) {}
