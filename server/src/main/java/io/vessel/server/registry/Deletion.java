package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StoredObject;
import java.util.Arrays;
import java.util.List;

/**
 * Deletion in two phases, as upstream: an object with finalizers (or whose strategy finalizes it)
 * is only marked with a deletionTimestamp and stays until the last finalizer is removed; anything
 * else is removed at once. The propagation policy decides the garbage-collection finalizers first
 * ({@link GcFinalizers}): Orphan and Foreground leave {@code orphan} or {@code foregroundDeletion}
 * on the object for the garbage collector, Background none. Preconditions on uid and
 * resourceVersion are checked first.
 */
public final class Deletion {
  private static final int MAX_ATTEMPTS = 16;

  /** What a delete did: {@code deleted} is false when the object was only marked. */
  public record Outcome(HasMetadata object, boolean deleted) {}

  private final ResourceStore store;

  Deletion(ResourceStore store) {
    this.store = store;
  }

  Future<Outcome> delete(String namespace, String name, DeleteOptions opts) {
    return attempt(namespace, name, opts, 1);
  }

  private Future<Outcome> attempt(String namespace, String name, DeleteOptions opts, int attempt) {
    return store
        .getStored(namespace, name)
        .compose(
            stored -> {
              HasMetadata old = store.decode(stored.value());
              checkPreconditions(old, opts.getPreconditions(), name);
              return store
                  .admission()
                  .admitDelete(store.definition(), old)
                  .compose(v -> apply(stored, old, opts))
                  .recover(
                      t -> {
                        if (attempt < MAX_ATTEMPTS
                            && t instanceof StorageException se
                            && se.code() == StorageException.Code.CONFLICT) {
                          return attempt(namespace, name, opts, attempt + 1);
                        }
                        return store.failed(t, name);
                      });
            });
  }

  private Future<Outcome> apply(StoredObject stored, HasMetadata old, DeleteOptions opts) {
    boolean dryRun = opts.getDryRun() != null && opts.getDryRun().contains("All");
    Strategy<HasMetadata> strategy = store.strategy();
    List<String> current =
        old.getMetadata().getFinalizers() == null ? List.of() : old.getMetadata().getFinalizers();
    List<String> finalizers =
        GcFinalizers.onDelete(current, opts, strategy.defaultGarbageCollectionPolicy());
    if (finalizers.isEmpty() && !strategy.finalizesOnDelete(old)) {
      return remove(stored, old, dryRun);
    }
    HasMetadata marked = ObjectCodec.copy(old);
    if (finalizers != current) {
      marked.getMetadata().setFinalizers(finalizers);
    }
    if (marked.getMetadata().getDeletionTimestamp() == null) {
      // upstream's markAsDeleting: a kind that tracks generation records the deletion in it
      Long generation = marked.getMetadata().getGeneration();
      if (generation != null && generation > 0) {
        marked.getMetadata().setGeneration(generation + 1);
      }
      marked.getMetadata().setDeletionTimestamp(SystemMetadata.now());
      strategy.prepareForDelete(marked);
    }
    marked.getMetadata().setDeletionGracePeriodSeconds(0L);
    if (Arrays.equals(ObjectCodec.encode(marked), stored.value())) {
      return Future.succeededFuture(new Outcome(old, false)); // already being deleted
    }
    if (dryRun) {
      return Future.succeededFuture(new Outcome(marked, false));
    }
    return store
        .storage()
        .update(stored.key(), stored.rv(), rv -> ObjectCodec.encodeAt(marked, rv))
        .map(o -> new Outcome(marked, false));
  }

  private Future<Outcome> remove(StoredObject stored, HasMetadata old, boolean dryRun) {
    if (dryRun) {
      return Future.succeededFuture(new Outcome(old, true));
    }
    return store
        .storage()
        .delete(stored.key(), stored.rv(), rv -> ObjectCodec.encodeAt(old, rv))
        .map(o -> new Outcome(old, true));
  }

  private void checkPreconditions(HasMetadata old, Preconditions pre, String name) {
    if (pre == null) {
      return;
    }
    var gr = store.definition().groupResource();
    if (pre.getUid() != null && !pre.getUid().equals(old.getMetadata().getUid())) {
      throw ApiException.conflict(
          gr,
          name,
          "Precondition failed: UID in precondition: "
              + pre.getUid()
              + ", UID in object meta: "
              + old.getMetadata().getUid());
    }
    if (pre.getResourceVersion() != null
        && !pre.getResourceVersion().equals(old.getMetadata().getResourceVersion())) {
      throw ApiException.conflict(
          gr,
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + pre.getResourceVersion()
              + ", ResourceVersion in meta: "
              + old.getMetadata().getResourceVersion());
    }
  }
}
