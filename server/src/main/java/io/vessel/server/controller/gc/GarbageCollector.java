package io.vessel.server.controller.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.InformerHandler;
import io.vessel.server.controller.Loops;
import java.util.List;

/**
 * kube-controller-manager's garbage collector: follows the owner references of every object of
 * the {@link GcResources} kinds in an {@link ObjectGraph} and queues, by uid, the objects that
 * may need it: dependents whose owner is unknown, gone or deleting in the foreground, owners
 * deleting with the {@code orphan} or {@code foregroundDeletion} finalizer, and the owners of any
 * dependent that changes while they are being deleted. {@link GarbageCollectorReconciler} does
 * the work. Like upstream's, it emits no Events.
 */
public final class GarbageCollector {
  /** Fewer than upstream's 20 (--concurrent-gc-syncs): Vessel's loops share a small machine. */
  private static final int WORKERS = 4;

  private final ObjectGraph graph = new ObjectGraph();
  private final Controller controller;

  private GarbageCollector(Loops loops) {
    GarbageCollectorReconciler reconciler =
        new GarbageCollectorReconciler(loops.client(), graph, this::enqueue);
    this.controller = new Controller("garbage-collector", WORKERS, reconciler::reconcile);
  }

  public static void register(Loops loops) {
    GarbageCollector gc = new GarbageCollector(loops);
    for (ResourceType<? extends HasMetadata> type : GcResources.ALL) {
      gc.follow(loops.informers().of(type));
    }
    loops.add(gc.controller);
  }

  private <T extends HasMetadata> void follow(Informer<T> informer) {
    ResourceType<T> type = informer.type();
    informer.addHandler(
        new InformerHandler<>() {
          @Override
          public void onAdd(T object) {
            changed(type, object);
          }

          @Override
          public void onUpdate(T old, T current) {
            changed(type, current);
          }

          @Override
          public void onDelete(T object) {
            deleted(object);
          }
        });
    // The graph handler above enqueues by uid; this only makes the workers wait for the cache.
    controller.watches(informer, o -> List.of());
  }

  private void changed(ResourceType<?> type, HasMetadata current) {
    ObjectGraph.Node node = ObjectGraph.Node.of(type, current);
    ObjectGraph.Node before = graph.put(node);
    if (node.orphaning() || node.deletingDependents()) {
      enqueue(node.uid());
    }
    for (OwnerReference ref : node.owners()) {
      ObjectGraph.Node owner = graph.owner(ref, node.namespace());
      if (owner == null || owner.deletingDependents()) {
        enqueue(node.uid()); // an owner to verify, or one waiting for its dependents
      }
    }
    wakeDeletingOwners(node);
    if (before != null) {
      wakeDeletingOwners(before);
    }
  }

  private void deleted(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    ObjectGraph.Node node =
        graph.remove(namespace == null ? "" : namespace, object.getMetadata().getUid());
    for (ObjectGraph.Node dependent : graph.dependentsOf(object.getMetadata().getUid())) {
      enqueue(dependent.uid());
    }
    if (node != null) {
      wakeDeletingOwners(node);
    }
  }

  /** An owner being deleted re-checks its dependents whenever one of them changes or goes. */
  private void wakeDeletingOwners(ObjectGraph.Node dependent) {
    for (OwnerReference ref : dependent.owners()) {
      ObjectGraph.Node owner = graph.get(ref.getUid());
      if (owner != null && owner.beingDeleted()) {
        enqueue(owner.uid());
      }
    }
  }

  private void enqueue(String uid) {
    controller.enqueue(uid);
  }
}
