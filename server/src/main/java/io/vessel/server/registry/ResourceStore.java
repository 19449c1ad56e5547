package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.StatusCause;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.apply.FieldManager;
import io.vessel.server.api.selector.FieldSelector;
import io.vessel.server.api.selector.LabelSelector;
import io.vessel.server.storage.Claim;
import io.vessel.server.storage.Storage;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredObject;
import io.vessel.server.storage.cache.CachedObject;
import io.vessel.server.storage.cache.ObjectAttrs;
import io.vessel.server.storage.cache.WatchCaches;
import io.vessel.server.storage.cache.WatchFilter;
import io.vessel.server.storage.cache.WatchRequest;
import io.vessel.server.storage.cache.WatchSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The generic Kubernetes semantics of one resource over {@link Storage}: system metadata, name
 * generation, validation, admission, resourceVersion rules for reads, selectors, and the one
 * translation of storage failures into API errors. Updates and deletes live in {@link
 * GuaranteedUpdate} and {@link Deletion}, which this class wires up.
 */
public final class ResourceStore {
  /** Creates retried when a generated name collides (apiserver's RetryGenerateName). */
  private static final int GENERATE_NAME_ATTEMPTS = 8;

  /**
   * Allocations retried when another replica took a value the server chose between the read and
   * the write; each needs a concurrent writer to lose, so 8 losses in a row mean a full range.
   */
  static final int ALLOCATION_ATTEMPTS = 8;

  private final ResourceDefinition def;
  private final Storage storage;
  private final WatchCaches caches;
  private final Admission admission;
  private final GuaranteedUpdate updates;
  private final Deletion deletion;
  private final ListPager pager;
  private final StorageVersion versions;

  public ResourceStore(
      ResourceDefinition def, Storage storage, WatchCaches caches, Admission admission) {
    this.def = def;
    this.storage = storage;
    this.caches = caches;
    this.admission = admission;
    this.updates = new GuaranteedUpdate(this);
    this.deletion = new Deletion(this);
    this.pager = new ListPager(def, storage);
    this.versions = new StorageVersion(def);
  }

  public ResourceDefinition definition() {
    return def;
  }

  Storage storage() {
    return storage;
  }

  Admission admission() {
    return admission;
  }

  GuaranteedUpdate updates() {
    return updates;
  }

  StorageVersion versions() {
    return versions;
  }

  public StorageKey key(String namespace, String name) {
    return new StorageKey(def.storageResource(), def.namespaced() ? namespace : "", name);
  }

  @SuppressWarnings("unchecked")
  Strategy<HasMetadata> strategy() {
    return (Strategy<HasMetadata>) def.strategy();
  }

  /** Decodes stored bytes into the stored model class (which the strategy works on). */
  HasMetadata decode(byte[] value) {
    return ObjectCodec.decode(value, def.storedType());
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** The latest committed object (a consistent read), in the served version. */
  public Future<StoredObject> get(String namespace, String name) {
    return getStored(namespace, name).map(versions::served);
  }

  /** The latest committed object as stored. */
  Future<StoredObject> getStored(String namespace, String name) {
    return storage.get(key(namespace, name)).recover(t -> failed(t, name));
  }

  /** A typed consistent read, in the served version. */
  public Future<HasMetadata> getObject(String namespace, String name) {
    return getStored(namespace, name).map(o -> versions.toServed(decode(o.value())));
  }

  /**
   * Lists with upstream's resourceVersion rules: none → the current state, consistently from
   * PostgreSQL; "0" → the watch cache, whatever it holds; X with NotOlderThan (or no match and no
   * limit) → the cache once it has reached X; X with Exact (or no match but a limit) → the state as
   * of X; a continue token → the next page of the token's snapshot.
   */
  public Future<ListResult> list(String namespace, ListOptions opts) {
    return listStored(namespace, opts).map(versions::served);
  }

  private Future<ListResult> listStored(String namespace, ListOptions opts) {
    checkFieldSelector(opts.fieldSelector());
    boolean selecting =
        !opts.labelSelector().isEverything() || !opts.fieldSelector().isEverything();
    java.util.function.Predicate<byte[]> selects = value -> matches(value, opts);
    String rv = opts.resourceVersion();
    String match = opts.resourceVersionMatch();
    if (opts.continueToken() != null) {
      ContinueToken token = ContinueToken.decode(opts.continueToken(), def.namespaced());
      long at = token.rv() > 0 ? token.rv() : -1;
      return pager
          .page(namespace, opts, selects, selecting, token.after(def.storageResource()), at)
          .recover(t -> Future.failedFuture(ListPager.expiredContinue(t, token)))
          .recover(t -> failed(t, ""));
    }
    if (rv == null) {
      return pager.page(namespace, opts, selects, selecting, null, -1).recover(t -> failed(t, ""));
    }
    long x = parseRv(rv);
    boolean exact = "Exact".equals(match) || (match == null && opts.limit() > 0 && x > 0);
    if (exact) {
      return pager.page(namespace, opts, selects, selecting, null, x).recover(t -> failed(t, ""));
    }
    return caches
        .list(def.storageResource(), filter(namespace, opts), x)
        .map(
            l -> {
              List<byte[]> items = new ArrayList<>(l.items().size());
              for (CachedObject o : l.items()) {
                items.add(o.value());
              }
              return new ListResult(l.rv(), items, null, null);
            })
        .recover(t -> failed(t, ""));
  }

  private boolean matches(byte[] value, ListOptions opts) {
    try {
      JsonNode tree = Serialization.json().readTree(value);
      ObjectAttrs attrs = CatalogAttrs.of(def, tree);
      return matches(attrs, opts.labelSelector(), opts.fieldSelector());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean matches(ObjectAttrs a, LabelSelector labels, FieldSelector fields) {
    return labels.matches(a.labels()) && fields.matches(f -> a.fields().getOrDefault(f, ""));
  }

  private WatchFilter filter(String namespace, ListOptions opts) {
    LabelSelector labels = opts.labelSelector();
    FieldSelector fields = opts.fieldSelector();
    return new WatchFilter(
        def.namespaced() ? namespace : "", a -> matches(a, labels, fields));
  }

  private void checkFieldSelector(FieldSelector fields) {
    for (FieldSelector.Requirement r : fields.requirements()) {
      if (!def.selectableFields().containsKey(r.field())) {
        throw ApiException.badRequest("field label not supported: " + r.field());
      }
    }
  }

  /**
   * Starts a watch. No resourceVersion: the current state (read consistently) as ADDED events,
   * then changes; "0": the cache's state, then changes; any other: changes after it. With {@code
   * sendInitialEvents} (watch-list, NotOlderThan): the state not older than the resourceVersion,
   * a BOOKMARK marking its end, then changes.
   */
  public Future<WatchCaches.Registration> watch(String namespace, ListOptions opts, WatchSink sink) {
    checkFieldSelector(opts.fieldSelector());
    WatchFilter filter = filter(namespace, opts);
    String rv = opts.resourceVersion();
    boolean unset = rv == null || rv.isEmpty();
    boolean bookmarks = opts.allowWatchBookmarks();
    Future<Long> floor =
        unset ? storage.currentRevision() : Future.succeededFuture(parseRv(rv));
    Future<WatchRequest> request;
    if (opts.sendInitialEvents() != null) {
      boolean initial = opts.sendInitialEvents();
      request =
          floor.map(
              min ->
                  new WatchRequest(
                      filter,
                      initial
                          ? WatchRequest.Start.STATE_THEN_CHANGES
                          : WatchRequest.Start.CHANGES_FROM_NOW,
                      0,
                      min,
                      bookmarks,
                      initial && bookmarks));
    } else if (unset) {
      request = floor.map(current -> WatchRequest.stateThenChanges(filter, current, bookmarks));
    } else if ("0".equals(rv)) {
      request = Future.succeededFuture(WatchRequest.stateThenChanges(filter, 0, bookmarks));
    } else {
      request = floor.map(from -> WatchRequest.changesAfter(filter, from, bookmarks));
    }
    return request
        .compose(r -> caches.watch(def.storageResource(), r, versions.served(sink)))
        .recover(t -> failed(t, ""));
  }

  static long parseRv(String rv) {
    try {
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resource version: \"" + rv + "\"");
    }
  }

  // ---- writes ---------------------------------------------------------------------------------

  public Future<HasMetadata> create(String namespace, HasMetadata served, WriteOptions opts) {
    return create(namespace, served, opts, true);
  }

  /**
   * Creates; {@code trackManagedFields} is false when the caller (server-side apply) has already
   * set the object's managedFields.
   */
  Future<HasMetadata> create(
      String namespace, HasMetadata served, WriteOptions opts, boolean trackManagedFields) {
    HasMetadata obj = versions.toStored(served);
    if (obj.getMetadata() == null) {
      obj.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    if (def.namespaced()) {
      obj.getMetadata().setNamespace(namespace);
    }
    SystemMetadata.fillOnCreate(obj, strategy().tracksGeneration());
    boolean generated =
        isEmpty(obj.getMetadata().getName()) && !isEmpty(obj.getMetadata().getGenerateName());
    if (generated) {
      obj.getMetadata().setName(SystemMetadata.generateName(obj.getMetadata().getGenerateName()));
    }
    strategy().prepareForCreate(obj);
    if (trackManagedFields) {
      trackCreate(obj, opts);
    }
    validateCreate(obj);
    Allocations<HasMetadata> allocations = strategy().allocations();
    return admission
        .admitCreate(def, obj)
        .compose(
            v ->
                allocations == null
                    ? (opts.dryRun() ? Future.succeededFuture(obj) : insert(obj, generated, 1, null))
                    : allocateAndInsert(allocations, obj, generated, opts, 1))
        .map(versions::toServed);
  }

  /**
   * Allocates on a copy of {@code requested} and inserts it with its claims; a value the server
   * chose that another replica took meanwhile is chosen again.
   */
  private Future<HasMetadata> allocateAndInsert(
      Allocations<HasMetadata> allocations,
      HasMetadata requested,
      boolean generated,
      WriteOptions opts,
      int attempt) {
    HasMetadata obj = ObjectCodec.copy(requested);
    return allocations
        .allocate(obj, null, storage::claimed)
        .compose(
            claims ->
                opts.dryRun()
                    ? Future.succeededFuture(obj)
                    : insert(obj, generated, 1, claims)
                        .recover(
                            t -> {
                              if (!(t instanceof StorageException se)
                                  || se.code() != StorageException.Code.CLAIMED) {
                                return Future.failedFuture(t);
                              }
                              ApiException mine =
                                  allocations.claimedByAnother(requested, se.claim());
                              if (mine == null && attempt < ALLOCATION_ATTEMPTS) {
                                return allocateAndInsert(
                                    allocations, requested, generated, opts, attempt + 1);
                              }
                              return failed(mine != null ? mine : se, obj.getMetadata().getName());
                            }))
        .recover(t -> failed(t, requested.getMetadata().getName()));
  }

  /** Records the create under the request's field manager (an Update entry, as upstream). */
  private void trackCreate(HasMetadata obj, WriteOptions opts) {
    JsonNode requested =
        Serialization.json().valueToTree(obj.getMetadata().getManagedFields());
    HasMetadata served = versions.toServed(ObjectCodec.copy(obj));
    var managed =
        FieldManager.update(
            null,
            ObjectCodec.tree(served),
            def.type(),
            opts.fieldManager(),
            def.apiVersion(),
            "",
            requested,
            SystemMetadata.now());
    obj.getMetadata().setManagedFields(ManagedFieldsJson.entries(managed));
  }

  /** Inserts; a CLAIMED failure is passed on untranslated, for the allocation retry. */
  private Future<HasMetadata> insert(
      HasMetadata obj, boolean generated, int attempt, Set<Claim> claims) {
    StorageKey key = key(obj.getMetadata().getNamespace(), obj.getMetadata().getName());
    return storage
        .create(key, rv -> ObjectCodec.encodeAt(obj, rv), claims)
        .map(stored -> obj)
        .recover(
            t -> {
              if (generated
                  && attempt < GENERATE_NAME_ATTEMPTS
                  && t instanceof StorageException se
                  && se.code() == StorageException.Code.KEY_EXISTS) {
                obj.getMetadata()
                    .setName(SystemMetadata.generateName(obj.getMetadata().getGenerateName()));
                return insert(obj, true, attempt + 1, claims);
              }
              if (t instanceof StorageException se
                  && se.code() == StorageException.Code.CLAIMED) {
                return Future.failedFuture(t);
              }
              return failed(t, obj.getMetadata().getName());
            });
  }

  private void validateCreate(HasMetadata obj) {
    FieldErrors errors = new FieldErrors();
    String name = obj.getMetadata().getName();
    if (isEmpty(name)) {
      errors.required("metadata.name", "name or generateName is required");
    } else {
      NameValidation.validateName(strategy().nameRule(), name, "metadata.name", errors);
    }
    strategy().validate(obj, errors);
    errors.throwIfAny(def.kind(), def.group(), name);
  }

  public Future<HasMetadata> update(
      String namespace, String name, HasMetadata obj, WriteOptions opts) {
    return updates.update(namespace, name, obj, opts);
  }

  /** Applies {@code patch} to the current JSON form, then updates with the usual rules. */
  public Future<HasMetadata> patch(
      String namespace, String name, String subresource, PatchFunction patch, WriteOptions opts) {
    return updates.patch(namespace, name, subresource, patch, opts, subresource);
  }

  /**
   * A patch of the main object that managedFields record under another subresource: the scale
   * subresource writes {@code spec.replicas} of the object itself.
   */
  public Future<HasMetadata> patch(
      String namespace,
      String name,
      PatchFunction patch,
      WriteOptions opts,
      String managedSubresource) {
    return updates.patch(namespace, name, "", patch, opts, managedSubresource);
  }

  /** What a server-side apply wrote, and whether it created the object. */
  public record Applied(HasMetadata object, boolean created) {}

  /**
   * Server-side apply of {@code config} (the request body as JSON) under {@code
   * opts.fieldManager()}; creates the object when it does not exist.
   */
  public Future<Applied> apply(
      String namespace,
      String name,
      String subresource,
      ObjectNode config,
      boolean force,
      WriteOptions opts) {
    return updates.apply(namespace, name, subresource, config, force, opts);
  }

  public Future<HasMetadata> updateSubresource(
      String namespace, String name, String subresource, HasMetadata obj, WriteOptions opts) {
    return updates.updateSubresource(namespace, name, subresource, obj, opts);
  }

  /**
   * Rewrites the stored object with {@code tryUpdate} around the strategy, as a subresource that
   * writes storage directly does (pods/binding); see {@link GuaranteedUpdate#direct}.
   */
  public Future<HasMetadata> updateStored(
      String namespace,
      String name,
      UnaryOperator<HasMetadata> tryUpdate,
      boolean dryRun) {
    return updates.direct(namespace, name, tryUpdate, dryRun);
  }

  public Future<Deletion.Outcome> delete(
      String namespace, String name, io.fabric8.kubernetes.api.model.DeleteOptions opts) {
    return deletion.delete(namespace, name, opts).map(versions::served);
  }

  // ---- errors ---------------------------------------------------------------------------------

  /** Translates a storage failure, once, into the API error a client sees. */
  <T> Future<T> failed(Throwable t, String name) {
    if (t instanceof ApiException) {
      return Future.failedFuture(t);
    }
    if (t instanceof StorageException se) {
      String n = se.key() != null ? se.key().name() : name;
      return Future.failedFuture(
          switch (se.code()) {
            case NOT_FOUND -> ApiException.notFound(def.groupResource(), n);
            case KEY_EXISTS -> ApiException.alreadyExists(def.groupResource(), n);
            case CONFLICT -> ApiException.staleResourceVersion(def.groupResource(), n);
            case EXPIRED -> ApiException.gone(se.getMessage());
            case TOO_LARGE_RESOURCE_VERSION ->
                ApiException.timeout(
                    se.getMessage(),
                    1,
                    List.of(new StatusCause("ResourceVersionTooLarge", se.getMessage(), "")));
            case UNAVAILABLE -> ApiException.serviceUnavailable(se.getMessage());
            // Allocations turn the claims they asked for into 422s; any other is a bug.
            case CLAIMED -> ApiException.internal(se.getMessage());
          });
    }
    return Future.failedFuture(ApiException.internal(String.valueOf(t.getMessage())));
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
