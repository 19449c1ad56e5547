package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.StatusCause;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.selector.FieldSelector;
import io.vessel.server.api.selector.LabelSelector;
import io.vessel.server.storage.Storage;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredList;
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

/**
 * The generic Kubernetes semantics of one resource over {@link Storage}: system metadata, name
 * generation, validation, admission, resourceVersion rules for reads, selectors, and the one
 * translation of storage failures into API errors. Updates and deletes live in {@link
 * GuaranteedUpdate} and {@link Deletion}, which this class wires up.
 */
public final class ResourceStore {
  /** Creates retried when a generated name collides (apiserver's RetryGenerateName). */
  private static final int GENERATE_NAME_ATTEMPTS = 8;

  private final ResourceDefinition def;
  private final Storage storage;
  private final WatchCaches caches;
  private final Admission admission;
  private final GuaranteedUpdate updates;
  private final Deletion deletion;

  public ResourceStore(
      ResourceDefinition def, Storage storage, WatchCaches caches, Admission admission) {
    this.def = def;
    this.storage = storage;
    this.caches = caches;
    this.admission = admission;
    this.updates = new GuaranteedUpdate(this);
    this.deletion = new Deletion(this);
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

  public StorageKey key(String namespace, String name) {
    return new StorageKey(def.storageResource(), def.namespaced() ? namespace : "", name);
  }

  @SuppressWarnings("unchecked")
  Strategy<HasMetadata> strategy() {
    return (Strategy<HasMetadata>) def.strategy();
  }

  HasMetadata decode(byte[] value) {
    return ObjectCodec.decode(value, def.type());
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** The latest committed object (a consistent read). */
  public Future<StoredObject> get(String namespace, String name) {
    return storage.get(key(namespace, name)).recover(t -> failed(t, name));
  }

  /** A typed consistent read. */
  public Future<HasMetadata> getObject(String namespace, String name) {
    return get(namespace, name).map(o -> decode(o.value()));
  }

  public Future<ListResult> list(String namespace, ListOptions opts) {
    checkFieldSelector(opts.fieldSelector());
    String rv = opts.resourceVersion();
    boolean fromCache =
        opts.continueToken() == null
            && rv != null
            && !"Exact".equals(opts.resourceVersionMatch())
            && (opts.limit() == 0 || "0".equals(rv));
    if (fromCache) {
      long minRv = parseRv(rv);
      return caches
          .list(def.storageResource(), filter(namespace, opts), minRv)
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
    return listConsistent(namespace, opts).recover(t -> failed(t, ""));
  }

  /**
   * Pages through PostgreSQL. Without selectors a page is one query; with selectors, pages are
   * read until {@code limit} objects matched, as kube-apiserver fills a page.
   */
  private Future<ListResult> listConsistent(String namespace, ListOptions opts) {
    ContinueToken from =
        opts.continueToken() == null || opts.continueToken().isEmpty()
            ? null
            : ContinueToken.decode(opts.continueToken(), def.namespaced());
    int limit = (int) Math.min(opts.limit(), 100_000);
    boolean selecting = !opts.labelSelector().isEverything() || !opts.fieldSelector().isEverything();
    List<byte[]> out = new ArrayList<>();
    return fill(namespace, opts, from == null ? null : from.after(def.storageResource()), limit, selecting, out, -1);
  }

  private Future<ListResult> fill(
      String namespace,
      ListOptions opts,
      StorageKey after,
      int limit,
      boolean selecting,
      List<byte[]> out,
      long snapshotRv) {
    int want = limit == 0 ? 0 : limit - out.size();
    return storage
        .list(def.storageResource(), def.namespaced() ? namespace : "", after, want)
        .compose(
            page -> {
              long rv = snapshotRv < 0 ? page.rv() : snapshotRv;
              StorageKey last = after;
              for (StoredObject o : page.items()) {
                last = o.key();
                if (!selecting || matches(o.value(), opts)) {
                  out.add(o.value());
                }
              }
              if (!page.more()) {
                return Future.succeededFuture(new ListResult(rv, out, null, null));
              }
              if (limit > 0 && out.size() >= limit) {
                String token = new ContinueToken(rv, last.namespace(), last.name()).encode();
                Long remaining = selecting ? null : remainingAfter(page);
                return Future.succeededFuture(new ListResult(rv, out, token, remaining));
              }
              return fill(namespace, opts, last, limit, selecting, out, rv);
            });
  }

  private static Long remainingAfter(StoredList page) {
    // The count is only known when a page read everything; kube reports it as optional too.
    return null;
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
   * then changes; "0": the cache's state, then changes; any other: changes after it.
   */
  public Future<WatchCaches.Registration> watch(String namespace, ListOptions opts, WatchSink sink) {
    checkFieldSelector(opts.fieldSelector());
    WatchFilter filter = filter(namespace, opts);
    String rv = opts.resourceVersion();
    boolean bookmarks = opts.allowWatchBookmarks();
    Future<WatchRequest> request;
    if (rv == null || rv.isEmpty()) {
      request =
          storage.currentRevision().map(current -> new WatchRequest(filter, -1, current, bookmarks));
    } else if ("0".equals(rv)) {
      request = Future.succeededFuture(new WatchRequest(filter, -1, 0, bookmarks));
    } else {
      request = Future.succeededFuture(new WatchRequest(filter, parseRv(rv), 0, bookmarks));
    }
    return request
        .compose(r -> caches.watch(def.storageResource(), r, sink))
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

  public Future<HasMetadata> create(String namespace, HasMetadata obj, WriteOptions opts) {
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
    validateCreate(obj);
    return admission
        .admitCreate(def, obj)
        .compose(v -> opts.dryRun() ? Future.succeededFuture(obj) : insert(obj, generated, 1));
  }

  private Future<HasMetadata> insert(HasMetadata obj, boolean generated, int attempt) {
    StorageKey key = key(obj.getMetadata().getNamespace(), obj.getMetadata().getName());
    return storage
        .create(key, rv -> ObjectCodec.encodeAt(obj, rv))
        .map(stored -> obj)
        .recover(
            t -> {
              if (generated
                  && attempt < GENERATE_NAME_ATTEMPTS
                  && t instanceof StorageException se
                  && se.code() == StorageException.Code.KEY_EXISTS) {
                obj.getMetadata()
                    .setName(SystemMetadata.generateName(obj.getMetadata().getGenerateName()));
                return insert(obj, true, attempt + 1);
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
    return updates.patch(namespace, name, subresource, patch, opts);
  }

  public Future<HasMetadata> updateSubresource(
      String namespace, String name, String subresource, HasMetadata obj, WriteOptions opts) {
    return updates.updateSubresource(namespace, name, subresource, obj, opts);
  }

  public Future<Deletion.Outcome> delete(
      String namespace, String name, io.fabric8.kubernetes.api.model.DeleteOptions opts) {
    return deletion.delete(namespace, name, opts);
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
          });
    }
    return Future.failedFuture(ApiException.internal(String.valueOf(t.getMessage())));
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
