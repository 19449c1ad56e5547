package io.vessel.server.storage.cache;

import io.vessel.server.storage.StorageKey;

/** The current state of one object in a watch cache. */
public record CachedObject(StorageKey key, long rv, byte[] value, ObjectAttrs attrs) {}
