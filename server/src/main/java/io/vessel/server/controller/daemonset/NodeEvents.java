package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.kit.informer.InformerHandler;
import io.vessel.kit.informer.ObjectKeys;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Node changes that can move daemon pods, turned into DaemonSet keys (upstream's addNode and
 * updateNode): a new node wakes the DaemonSets that should run there; an update wakes those whose
 * placement on it changed, and only when its labels or taints changed, the only node facts the
 * placement reads, so heartbeats cost nothing; a deleted node wakes every DaemonSet, whose desired
 * and misscheduled counts may drop. Runs on the node informer's event loop.
 */
final class NodeEvents implements InformerHandler<Node> {
  private final Supplier<Collection<DaemonSet>> sets;
  private final Consumer<String> enqueue;

  /** {@code sets} lists the cached DaemonSets; {@code enqueue} takes the keys to reconcile. */
  NodeEvents(Supplier<Collection<DaemonSet>> sets, Consumer<String> enqueue) {
    this.sets = sets;
    this.enqueue = enqueue;
  }

  @Override
  public void onAdd(Node node) {
    for (DaemonSet ds : sets.get()) {
      if (NodePlacement.of(ds).on(node).shouldRun()) {
        enqueue.accept(ObjectKeys.of(ds));
      }
    }
  }

  @Override
  public void onUpdate(Node old, Node current) {
    if (Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels())
        && Objects.equals(taints(old), taints(current))) {
      return;
    }
    for (DaemonSet ds : sets.get()) {
      NodePlacement placement = NodePlacement.of(ds);
      if (!placement.on(old).equals(placement.on(current))) {
        enqueue.accept(ObjectKeys.of(ds));
      }
    }
  }

  @Override
  public void onDelete(Node node) {
    sets.get().forEach(ds -> enqueue.accept(ObjectKeys.of(ds)));
  }

  private static Object taints(Node n) {
    return n.getSpec() == null ? null : n.getSpec().getTaints();
  }
}
