package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.apply.FieldManager;
import io.vessel.server.api.apply.ManagedFieldsReset;
import io.vessel.server.storage.Claim;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StoredObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The read-modify-write loop behind update, patch and subresource updates: read the current
 * object, compute the new one, apply the strategy, and write it conditioned on the revision read.
 * A client that named a resourceVersion gets 409 when it is stale; otherwise a concurrent write
 * just makes the loop run again with the fresh object.
 */
final class GuaranteedUpdate {
  /** Upstream retries until the request times out; this bounds a pathological storm instead. */
  private static final int MAX_ATTEMPTS = 1000;

  private final ResourceStore store;

  GuaranteedUpdate(ResourceStore store) {
    this.store = store;
  }

  Future<HasMetadata> update(String namespace, String name, HasMetadata requested, WriteOptions opts) {
    return attempt(namespace, name, "", current -> ObjectCodec.copy(requested), opts, 1, "", false)
        .map(store.versions()::toServed);
  }

  Future<HasMetadata> updateSubresource(
      String namespace, String name, String subresource, HasMetadata requested, WriteOptions opts) {
    UnaryOperator<HasMetadata> replace = current -> ObjectCodec.copy(requested);
    return attempt(namespace, name, subresource, replace, opts, 1, subresource, false)
        .map(store.versions()::toServed);
  }

  /**
   * A read-modify-write of the stored object around the strategy, validation and managedFields,
   * as upstream's subresources that write storage directly (pods/binding) do: {@code tryUpdate}
   * gets a copy of the current stored object and returns the one to store, or throws an
   * ApiException. A concurrent write makes the loop run again with the fresh object.
   */
  Future<HasMetadata> direct(
      String namespace, String name, UnaryOperator<HasMetadata> tryUpdate, boolean dryRun) {
    return directAttempt(namespace, name, tryUpdate, dryRun, 1).map(store.versions()::toServed);
  }

  private Future<HasMetadata> directAttempt(
      String namespace,
      String name,
      UnaryOperator<HasMetadata> tryUpdate,
      boolean dryRun,
      int attempt) {
    return store
        .getStored(namespace, name)
        .compose(
            stored -> {
              HasMetadata updated = tryUpdate.apply(store.decode(stored.value()));
              if (dryRun || Arrays.equals(ObjectCodec.encode(updated), stored.value())) {
                return Future.succeededFuture(updated);
              }
              return write(stored, updated, null) // pods hold no claims
                  .recover(
                      t -> {
                        if (attempt < MAX_ATTEMPTS
                            && t instanceof StorageException se
                            && se.code() == StorageException.Code.CONFLICT) {
                          return directAttempt(namespace, name, tryUpdate, dryRun, attempt + 1);
                        }
                        return store.failed(t, name);
                      });
            });
  }

  /**
   * Patches; {@code managedSubresource} is the subresource managedFields record the write under
   * (the scale subresource patches the main object but is recorded as "scale").
   */
  Future<HasMetadata> patch(
      String namespace,
      String name,
      String subresource,
      PatchFunction patch,
      WriteOptions opts,
      String managedSubresource) {
    UnaryOperator<HasMetadata> apply =
        current -> decodePatched(patch.apply(ObjectCodec.tree(current)), opts);
    return attempt(namespace, name, subresource, apply, opts, 1, managedSubresource, true)
        .map(store.versions()::toServed);
  }

  /**
   * Server-side apply: merges {@code config} into the current object under the manager's Apply
   * entry (see {@link FieldManager#apply}), or creates the object from it when there is none.
   */
  Future<ResourceStore.Applied> apply(
      String namespace,
      String name,
      String subresource,
      ObjectNode config,
      boolean force,
      WriteOptions opts) {
    String now = SystemMetadata.now();
    ResourceDefinition def = store.definition();
    UnaryOperator<HasMetadata> merge =
        current ->
            decodePatched(
                FieldManager.apply(
                        ObjectCodec.tree(current),
                        config,
                        def.type(),
                        opts.fieldManager(),
                        def.apiVersion(),
                        subresource,
                        force,
                        now)
                    .object(),
                opts);
    return attempt(namespace, name, subresource, merge, opts, 1, null, true)
        .map(o -> new ResourceStore.Applied(store.versions().toServed(o), false))
        .recover(
            t -> {
              if (!(t instanceof ApiException e && e.code() == 404) || !subresource.isEmpty()) {
                return Future.failedFuture(t);
              }
              ObjectNode created =
                  FieldManager.apply(
                          null, config, def.type(), opts.fieldManager(), def.apiVersion(), "",
                          force, now)
                      .object();
              return store
                  .create(namespace, decodePatched(created, opts), opts, false)
                  .map(o -> new ResourceStore.Applied(o, true));
            });
  }

  /**
   * The patched JSON as an object. Like kube-apiserver, a patched object that does not decode
   * (a value of the wrong type, or unknown fields under Strict validation) is a 422 on the field
   * {@code patch}.
   */
  private HasMetadata decodePatched(JsonNode patched, WriteOptions opts) {
    Serialization.Decoded<? extends HasMetadata> decoded;
    try {
      decoded = Serialization.decode(patched, store.definition().type());
    } catch (io.vessel.server.api.TypeMismatch e) {
      throw invalidPatch(patched, e.goMessage());
    }
    if ("Strict".equals(opts.fieldValidation()) && !decoded.unknownFields().isEmpty()) {
      StringBuilder sb = new StringBuilder("strict decoding error: ");
      for (int i = 0; i < decoded.unknownFields().size(); i++) {
        sb.append(i == 0 ? "" : ", ")
            .append("unknown field \"")
            .append(decoded.unknownFields().get(i))
            .append('"');
      }
      throw invalidPatch(patched, sb.toString());
    }
    ManagedFieldsReset.mark(patched, decoded.value());
    return decoded.value();
  }

  private static ApiException invalidPatch(JsonNode patched, String why) {
    return ApiException.invalid(
        "", "", "", new FieldErrors().invalid("patch", patched.toString(), why).causes());
  }

  private Future<HasMetadata> attempt(
      String namespace,
      String name,
      String subresource,
      UnaryOperator<HasMetadata> tryUpdate,
      WriteOptions opts,
      int attempt,
      String managedSubresource,
      boolean reapplies) {
    return store
        .getStored(namespace, name)
        .compose(
            stored -> {
              HasMetadata old = store.decode(stored.value());
              HasMetadata updated = prepare(namespace, name, subresource, tryUpdate, old);
              if (managedSubresource != null) {
                trackManagedFields(old, updated, opts, managedSubresource);
              }
              boolean conditional = updated.getMetadata().getResourceVersion() != null;
              updated.getMetadata().setResourceVersion(old.getMetadata().getResourceVersion());
              // Subresources (status) cannot change what the object holds: its claims stay.
              Allocations<HasMetadata> allocations =
                  subresource.isEmpty() ? store.strategy().allocations() : null;
              HasMetadata requested = allocations == null ? null : ObjectCodec.copy(updated);
              Future<Set<Claim>> claims =
                  allocations == null
                      ? Future.succeededFuture(null)
                      : allocations.allocate(updated, old, store.storage()::claimed);
              return claims.compose(
                  held -> {
                    if (Arrays.equals(ObjectCodec.encode(updated), stored.value())) {
                      return Future.succeededFuture(old); // no-op: upstream keeps the revision
                    }
                    if (opts.dryRun()) {
                      return Future.succeededFuture(updated);
                    }
                    return write(stored, updated, held)
                        .recover(
                            t -> {
                              boolean retry =
                                  t instanceof StorageException se
                                      // A patch or apply is re-applied to the newer object, as
                                      // upstream does; one that named a resourceVersion then
                                      // fails the staleness check instead.
                                      && (se.code() == StorageException.Code.CONFLICT
                                          ? reapplies || !conditional
                                          : se.code() == StorageException.Code.CLAIMED
                                              && allocations.claimedByAnother(
                                                      requested, se.claim())
                                                  == null);
                              if (retry && attempt < MAX_ATTEMPTS) {
                                return attempt(
                                    namespace,
                                    name,
                                    subresource,
                                    tryUpdate,
                                    opts,
                                    attempt + 1,
                                    managedSubresource,
                                    reapplies);
                              }
                              if (t instanceof StorageException se
                                  && se.code() == StorageException.Code.CLAIMED) {
                                ApiException mine =
                                    allocations.claimedByAnother(requested, se.claim());
                                return store.failed(mine != null ? mine : t, name);
                              }
                              return store.failed(t, name);
                            });
                  });
            });
  }

  /** Applies the request and every rule to a copy of {@code old}; throws ApiException. */
  private HasMetadata prepare(
      String namespace,
      String name,
      String subresource,
      UnaryOperator<HasMetadata> tryUpdate,
      HasMetadata old) {
    ResourceDefinition def = store.definition();
    Strategy<HasMetadata> strategy = store.strategy();
    // The request speaks the served version; the strategy and storage the stored one.
    StorageVersion versions = store.versions();
    HasMetadata updated =
        versions.toStored(tryUpdate.apply(versions.toServed(ObjectCodec.copy(old))));
    if (updated.getMetadata() == null) {
      updated.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    var meta = updated.getMetadata();
    String oldRv = old.getMetadata().getResourceVersion();
    if (meta.getResourceVersion() != null && meta.getResourceVersion().isEmpty()) {
      meta.setResourceVersion(null);
    }
    if (meta.getResourceVersion() != null && !meta.getResourceVersion().equals(oldRv)) {
      throw ApiException.staleResourceVersion(def.groupResource(), name);
    }
    if (meta.getResourceVersion() == null
        && subresource.isEmpty()
        && !strategy.allowUnconditionalUpdate()) {
      throw ApiException.invalid(
          def.kind(),
          def.group(),
          name,
          new FieldErrors()
              .invalid("metadata.resourceVersion", 0, "must be specified for an update")
              .causes());
    }
    String uid = meta.getUid();
    if (uid != null && !uid.isEmpty() && !uid.equals(old.getMetadata().getUid())) {
      throw ApiException.conflict(
          def.groupResource(),
          name,
          "Precondition failed: UID in precondition: "
              + uid
              + ", UID in object meta: "
              + old.getMetadata().getUid());
    }
    if (meta.getName() == null || meta.getName().isEmpty()) {
      meta.setName(name);
    }
    if (def.namespaced()) {
      meta.setNamespace(namespace);
    }
    String requestedRv = meta.getResourceVersion();
    SystemMetadata.carryOver(updated, old);
    if (subresource.isEmpty()) {
      ModelFields.copyStatus(old, updated);
      strategy.prepareForUpdate(updated, old);
    } else {
      HasMetadata current = ObjectCodec.copy(old);
      updated = strategy.subresourceUpdate(subresource, updated, current);
    }
    updated.getMetadata().setResourceVersion(requestedRv);
    FieldErrors errors = new FieldErrors();
    strategy.validateUpdate(updated, old, errors);
    errors.throwIfAny(def.kind(), def.group(), name);
    if (strategy.tracksGeneration() && ModelFields.specChanged(updated, old)) {
      Long g = old.getMetadata().getGeneration();
      updated.getMetadata().setGeneration(g == null ? 1 : g + 1);
    }
    return updated;
  }

  /**
   * Records the write in managedFields under the request's field manager, comparing the served
   * forms of the objects (the version the manager wrote).
   */
  private void trackManagedFields(
      HasMetadata old, HasMetadata updated, WriteOptions opts, String managedSubresource) {
    StorageVersion versions = store.versions();
    JsonNode requested =
        Serialization.json().valueToTree(updated.getMetadata().getManagedFields());
    ArrayNode managed =
        FieldManager.update(
            ObjectCodec.tree(versions.toServed(ObjectCodec.copy(old))),
            ObjectCodec.tree(versions.toServed(ObjectCodec.copy(updated))),
            store.definition().type(),
            opts.fieldManager(),
            store.definition().apiVersion(),
            managedSubresource,
            requested,
            SystemMetadata.now());
    updated.getMetadata().setManagedFields(ManagedFieldsJson.entries(managed));
  }

  /** Writes the update, or deletes the object if this update removed its last finalizer. */
  private Future<HasMetadata> write(StoredObject stored, HasMetadata updated, Set<Claim> claims) {
    if (readyToDelete(updated)) {
      return store
          .storage()
          .delete(stored.key(), stored.rv(), rv -> ObjectCodec.encodeAt(updated, rv))
          .map(o -> updated);
    }
    return store
        .storage()
        .update(stored.key(), stored.rv(), rv -> ObjectCodec.encodeAt(updated, rv), claims)
        .map(o -> updated);
  }

  /** Marked for deletion, with nothing left to wait for. */
  boolean readyToDelete(HasMetadata obj) {
    List<String> finalizers = obj.getMetadata().getFinalizers();
    return obj.getMetadata().getDeletionTimestamp() != null
        && (finalizers == null || finalizers.isEmpty())
        && !store.strategy().finalizesOnDelete(obj);
  }
}
