package io.vessel.server.storage;

/**
 * One object as stored: its key, the revision of its last write, and its encoded bytes. The bytes
 * already carry {@code metadata.resourceVersion == rv}: they are produced inside the write
 * transaction once the revision is known, so reads can serve them without re-encoding.
 */
public record StoredObject(StorageKey key, long rv, byte[] value) {}
