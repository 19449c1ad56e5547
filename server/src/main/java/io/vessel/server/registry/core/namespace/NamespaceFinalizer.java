package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.selector.FieldSelector;
import io.vessel.server.api.selector.LabelSelector;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.storage.cache.WatchDelivery;
import io.vessel.server.storage.cache.WatchSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the deletion of Terminating namespaces: deletes their content, removes the {@code
 * kubernetes} finalizer through {@code /finalize}, then deletes the namespace. A stand-in until the
 * leader-elected namespace controller of the controllers issue replaces it; every replica runs one
 * and the writes are conditioned, so running it twice is harmless.
 *
 * <p>Threading: owned by the watch-cache context it is called on.
 */
public final class NamespaceFinalizer implements WatchSink {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceFinalizer.class);
  private static final long RETRY_MS = 1000;

  private final Vertx vertx;
  private final ResourceStore namespaces;
  private final List<ResourceStore> namespaced;
  private final Set<String> inFlight = new HashSet<>();

  public NamespaceFinalizer(Vertx vertx, Map<ResourceDefinition, ResourceStore> stores) {
    this.vertx = vertx;
    ResourceStore ns = null;
    List<ResourceStore> content = new ArrayList<>();
    for (Map.Entry<ResourceDefinition, ResourceStore> e : stores.entrySet()) {
      if (e.getKey().resource().equals("namespaces") && e.getKey().group().isEmpty()) {
        ns = e.getValue();
      } else if (e.getKey().namespaced()) {
        content.add(e.getValue());
      }
    }
    this.namespaces = ns;
    this.namespaced = content;
  }

  public Future<Void> start() {
    ListOptions everything =
        new ListOptions(
            LabelSelector.parse(""), FieldSelector.parse(""), "0", null, 0, null, true, false, null, null);
    return namespaces.watch("", everything, this).mapEmpty();
  }

  @Override
  public void deliver(List<WatchDelivery> events) {
    for (WatchDelivery d : events) {
      if (d.type() == io.vessel.server.storage.StoredEvent.Type.DELETED) {
        continue;
      }
      Namespace ns = ObjectCodec.decode(d.object(), Namespace.class);
      if (ns.getMetadata().getDeletionTimestamp() != null) {
        schedule(ns.getMetadata().getName(), 0);
      }
    }
  }

  @Override
  public void bookmark(long rv, boolean initialEventsEnd) {}

  @Override
  public void expire(String message) {
    vertx.setTimer(RETRY_MS, id -> start());
  }

  private void schedule(String name, long delayMs) {
    if (!inFlight.add(name)) {
      return;
    }
    Runnable run =
        () ->
            finalizeNamespace(name)
                .onComplete(
                    ar -> {
                      inFlight.remove(name);
                      if (ar.failed()) {
                        LOG.debug("namespace {} not finalized yet: {}", name, ar.cause().getMessage());
                        schedule(name, RETRY_MS);
                      }
                    });
    if (delayMs == 0) {
      run.run();
    } else {
      vertx.setTimer(delayMs, id -> run.run());
    }
  }

  private Future<Void> finalizeNamespace(String name) {
    var found = new NamespaceDeletionConditions();
    return deleteContent(name, found)
        .compose(v -> found.total() > 0
            ? reportRemaining(name, found)
                .transform(ar -> Future.failedFuture(found.total() + " objects remain in namespace " + name))
            : namespaces.getObject("", name))
        .compose(obj -> removeFinalizer((Namespace) obj))
        .recover(t -> t instanceof ApiException ae && ae.code() == 404
            ? Future.succeededFuture()
            : Future.failedFuture(t));
  }

  /** Deletes everything in the namespace, noting in {@code found} what was still there. */
  private Future<Void> deleteContent(String namespace, NamespaceDeletionConditions found) {
    Future<Void> chain = Future.succeededFuture();
    for (ResourceStore store : namespaced) {
      chain = chain.compose(v -> deleteAll(store, namespace, found));
    }
    return chain;
  }

  /** Writes the deletion conditions on the namespace when they say something new. */
  private Future<Void> reportRemaining(String name, NamespaceDeletionConditions found) {
    return namespaces
        .getObject("", name)
        .compose(
            obj -> {
              Namespace ns = (Namespace) obj;
              var current = ns.getStatus() == null ? null : ns.getStatus().getConditions();
              var next = found.conditions(current, java.time.Instant.now());
              if (!NamespaceDeletionConditions.changed(current, next)) {
                return Future.succeededFuture();
              }
              Namespace requested = ObjectCodec.copy(ns);
              if (requested.getStatus() == null) {
                requested.setStatus(new io.fabric8.kubernetes.api.model.NamespaceStatus());
              }
              requested.getStatus().setConditions(next);
              return namespaces
                  .updateSubresource("", name, "status", requested, WriteOptions.DEFAULT)
                  .mapEmpty();
            });
  }

  private Future<Void> deleteAll(
      ResourceStore store, String namespace, NamespaceDeletionConditions found) {
    ListOptions all =
        new ListOptions(
            LabelSelector.parse(""), FieldSelector.parse(""), null, null, 0, null, false, false, null, null);
    return store
        .list(namespace, all)
        .compose(
            list -> {
              List<Future<?>> deletes = new ArrayList<>();
              for (byte[] item : list.items()) {
                HasMetadata obj = ObjectCodec.decode(item, store.definition().type());
                found.remaining(store.definition().resource(), store.definition().group(), obj);
                // Background, as upstream's namespace deleter: a Job's orphaning default would
                // otherwise leave it waiting for the garbage collector.
                DeleteOptions background = new DeleteOptions();
                background.setPropagationPolicy("Background");
                deletes.add(
                    store
                        .delete(namespace, obj.getMetadata().getName(), background)
                        .recover(t -> Future.succeededFuture()));
              }
              return Future.join(deletes).mapEmpty();
            });
  }

  private Future<Void> removeFinalizer(Namespace ns) {
    List<String> finalizers =
        ns.getSpec() == null || ns.getSpec().getFinalizers() == null
            ? List.of()
            : ns.getSpec().getFinalizers();
    Future<?> finalize = Future.succeededFuture();
    if (finalizers.contains(NamespaceStrategy.FINALIZER)) {
      Namespace requested = ObjectCodec.copy(ns);
      List<String> rest = new ArrayList<>(finalizers);
      rest.remove(NamespaceStrategy.FINALIZER);
      requested.getSpec().setFinalizers(rest);
      finalize =
          namespaces.updateSubresource("", ns.getMetadata().getName(), "finalize", requested, WriteOptions.DEFAULT);
    }
    return finalize
        .compose(v -> namespaces.delete("", ns.getMetadata().getName(), new DeleteOptions()))
        .mapEmpty();
  }
}
