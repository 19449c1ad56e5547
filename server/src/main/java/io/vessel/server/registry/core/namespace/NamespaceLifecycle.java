package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.GroupResource;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Admission;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.storage.Storage;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.cache.WatchCaches;
import java.util.List;
import java.util.Set;

/**
 * kube-apiserver's NamespaceLifecycle admission: new content only in existing, non-terminating
 * namespaces, and the system namespaces may not be deleted.
 */
public final class NamespaceLifecycle implements Admission {
  private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");
  private static final GroupResource NAMESPACES = new GroupResource("", "namespaces");

  private final Storage storage;
  private final WatchCaches caches;

  public NamespaceLifecycle(Storage storage, WatchCaches caches) {
    this.storage = storage;
    this.caches = caches;
  }

  @Override
  public Future<Void> admitCreate(ResourceDefinition def, HasMetadata obj) {
    if (!def.namespaced()) {
      return Future.succeededFuture();
    }
    String ns = obj.getMetadata().getNamespace();
    StorageKey key = new StorageKey("namespaces", "", ns);
    // The cache answers almost always; a namespace created a moment ago may not be there yet,
    // so a miss is confirmed by a consistent read, as upstream's admission falls back to a GET.
    return caches
        .get(key)
        .compose(
            cached ->
                cached != null
                    ? Future.succeededFuture(cached.value())
                    : storage.get(key).map(o -> o.value()))
        .recover(
            t ->
                Future.failedFuture(
                    t instanceof StorageException se
                            && se.code() == StorageException.Code.NOT_FOUND
                        ? ApiException.notFound(NAMESPACES, ns)
                        : t))
        .compose(
            value -> {
              Namespace namespace = ObjectCodec.decode(value, Namespace.class);
              if (namespace.getMetadata().getDeletionTimestamp() != null) {
                ApiException forbidden =
                    ApiException.forbidden(
                        def.groupResource(),
                        obj.getMetadata().getName(),
                        "unable to create new content in namespace "
                            + ns
                            + " because it is being terminated");
                return Future.failedFuture(
                    new ApiException(
                        forbidden.code(),
                        forbidden.reason(),
                        forbidden.getMessage(),
                        new ApiException.Details(
                            forbidden.details().name(),
                            forbidden.details().group(),
                            forbidden.details().kind(),
                            List.of(
                                new StatusCause(
                                    "NamespaceTerminating",
                                    "namespace " + ns + " is being terminated",
                                    "metadata.namespace")))));
              }
              return Future.succeededFuture();
            });
  }

  @Override
  public Future<Void> admitDelete(ResourceDefinition def, HasMetadata obj) {
    if (def.resource().equals("namespaces") && IMMORTAL.contains(obj.getMetadata().getName())) {
      return Future.failedFuture(
          ApiException.forbidden(
              NAMESPACES, obj.getMetadata().getName(), "this namespace may not be deleted"));
    }
    return Future.succeededFuture();
  }
}
