package io.vessel.server.storage;

/**
 * Produces an object's bytes once its new revision is known. Called inside the write transaction
 * on the storage's event loop, so it must be quick and must not block.
 */
@FunctionalInterface
public interface ValueAtRevision {
  byte[] encode(long rv);
}
