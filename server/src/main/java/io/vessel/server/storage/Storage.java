package io.vessel.server.storage;

import io.vertx.core.Future;
import java.util.Set;

/**
 * The backend contract: keys, bytes and revisions, nothing about kinds or HTTP.
 *
 * <p>Revisions: every successful write takes the next value of one global, gap-free counter and
 * commits in that order; a failed or rolled-back write consumes no revision. A write is only
 * reported successful once it is durably committed.
 *
 * <p>Threading: every method may be called from any Vert.x context; returned futures complete on
 * the storage's own context. {@link ValueAtRevision} callbacks run there too.
 */
public interface Storage {

  /**
   * Creates the object at {@code key}. Fails with {@code KEY_EXISTS} if an object is already
   * stored there (the failed attempt consumes no revision).
   */
  default Future<StoredObject> create(StorageKey key, ValueAtRevision value) {
    return create(key, value, null);
  }

  /**
   * Creates the object together with its {@code claims} (null = none), in one transaction: fails
   * with {@code CLAIMED} (and writes nothing) if another object holds one of them.
   */
  Future<StoredObject> create(StorageKey key, ValueAtRevision value, Set<Claim> claims);

  /** Reads the latest committed object. Fails with {@code NOT_FOUND}. */
  Future<StoredObject> get(StorageKey key);

  /**
   * Reads a consistent page: the objects of {@code resource} (in {@code namespace}, or in all when
   * it is empty) whose keys sort after {@code after} (null = from the start), at most {@code
   * limit} (0 = no limit), together with the revision of the snapshot they were read in.
   */
  Future<StoredList> list(String resource, String namespace, StorageKey after, int limit);

  /**
   * Reads a page of the state as it was at revision {@code rv}, from the change log. Fails with
   * {@code EXPIRED} if the log no longer reaches back to {@code rv}, and with {@code
   * TOO_LARGE_RESOURCE_VERSION} if {@code rv} has not been committed yet. Pages that end early
   * carry the number of remaining items.
   */
  Future<StoredList> listAt(
      String resource, String namespace, StorageKey after, int limit, long rv);

  /**
   * Replaces the object if its current revision is {@code expectedRv}. Fails with {@code
   * NOT_FOUND} if there is no object, {@code CONFLICT} if it was changed since.
   */
  default Future<StoredObject> update(StorageKey key, long expectedRv, ValueAtRevision value) {
    return update(key, expectedRv, value, null);
  }

  /**
   * Replaces the object like {@link #update(StorageKey, long, ValueAtRevision)}; when {@code
   * claims} is not null the object holds exactly those claims afterwards (claims it no longer
   * lists are released), in the same transaction, or the write fails with {@code CLAIMED} and
   * changes nothing. Null leaves the object's claims as they are.
   */
  Future<StoredObject> update(
      StorageKey key, long expectedRv, ValueAtRevision value, Set<Claim> claims);

  /**
   * Deletes the object if its current revision is {@code expectedRv}; {@code finalValue} encodes
   * the state the DELETED event carries at the deletion's revision. The object's claims are
   * released in the same transaction. Fails like {@link #update}.
   */
  Future<StoredObject> delete(StorageKey key, long expectedRv, ValueAtRevision finalValue);

  /** The values of {@code pool} some object holds now (a consistent read). */
  Future<Set<Long>> claimed(String pool);

  /** The latest committed revision. */
  Future<Long> currentRevision();
}
