package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StoredObject;
import java.util.List;

/**
 * Deletion in two phases, as upstream: an object with finalizers (or whose strategy finalizes it)
 * is only marked with a deletionTimestamp and stays until the last finalizer is removed; anything
 * else is removed at once. Preconditions on uid and resourceVersion are checked first.
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
    List<String> finalizers = old.getMetadata().getFinalizers();
    boolean hasFinalizers = finalizers != null && !finalizers.isEmpty();
    if (old.getMetadata().getDeletionTimestamp() != null) {
      if (hasFinalizers || strategy.finalizesOnDelete(old)) {
        return Future.succeededFuture(new Outcome(old, false)); // already being deleted
      }
      return remove(stored, old, dryRun);
    }
    if (hasFinalizers || strategy.finalizesOnDelete(old)) {
      HasMetadata marked = ObjectCodec.copy(old);
      marked.getMetadata().setDeletionTimestamp(SystemMetadata.now());
      marked.getMetadata().setDeletionGracePeriodSeconds(0L);
      strategy.prepareForDelete(marked);
      if (dryRun) {
        return Future.succeededFuture(new Outcome(marked, false));
      }
      return store
          .storage()
          .update(stored.key(), stored.rv(), rv -> ObjectCodec.encodeAt(marked, rv))
          .map(o -> new Outcome(marked, false));
    }
    return remove(stored, old, dryRun);
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
