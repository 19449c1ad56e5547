package io.vessel.server.registry;

/**
 * What a delete that names no propagation does to the object's dependents, as upstream's
 * {@code rest.GarbageCollectionPolicy}: most kinds delete them in the background; a few orphan them
 * for backwards compatibility (batch/v1 Jobs); some take no part in garbage collection at all.
 */
public enum GarbageCollectionPolicy {
  /** Background: the object goes at once and the garbage collector removes its dependents. */
  DELETE_DEPENDENTS,
  /** Orphan: the object gets the {@code orphan} finalizer and its dependents lose their ref. */
  ORPHAN_DEPENDENTS,
  /** Deletes never add or remove garbage-collection finalizers (core Events). */
  UNSUPPORTED
}
