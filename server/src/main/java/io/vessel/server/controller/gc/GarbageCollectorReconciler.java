package io.vessel.server.controller.gc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Json;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.controller.Result;
import io.vessel.server.registry.GcFinalizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One garbage-collection pass over one object (keyed by uid), as upstream's attemptToDelete and
 * attemptToOrphan workers do it:
 *
 * <ul>
 *   <li>an owner deleting with {@code orphan}: every dependent loses its reference to it, then the
 *       finalizer goes;
 *   <li>an owner deleting with {@code foregroundDeletion}: its blocking dependents are queued for
 *       deletion; once none is left the finalizer goes;
 *   <li>a dependent: each owner is solid (exists), dangling (gone, or another object by that
 *       name) or waiting (deleting in the foreground). With a solid owner it stays and loses its
 *       other references; otherwise it is deleted: in the foreground when an owner waits for it
 *       and it has dependents of its own (unblocking its references first when one of those is
 *       itself waiting, so that a cycle cannot block), else as its own finalizers say.
 * </ul>
 *
 * An owner is taken for dangling only after a live GET (the caches lag); every write carries the
 * uid and resourceVersion it was decided on, so a concurrent change makes it fail and run again.
 */
final class GarbageCollectorReconciler {
  private enum OwnerState {
    SOLID,
    DANGLING,
    WAITING
  }

  private final ApiClient client;
  private final ObjectGraph graph;
  private final Consumer<String> enqueue;

  GarbageCollectorReconciler(ApiClient client, ObjectGraph graph, Consumer<String> enqueue) {
    this.client = client;
    this.graph = graph;
    this.enqueue = enqueue;
  }

  Result reconcile(String uid) {
    ObjectGraph.Node node = graph.get(uid);
    if (node == null) {
      return Result.done();
    }
    if (node.orphaning()) {
      orphanDependents(node);
      removeFinalizer(node, GcFinalizers.ORPHAN);
      return Result.done();
    }
    if (node.deletingDependents()) {
      return deleteDependents(node);
    }
    if (node.beingDeleted() || node.owners().isEmpty() || ownersKnownSolid(node)) {
      return Result.done();
    }
    return collect(node);
  }

  /** Every owner is followed, present, and not waiting for its dependents. */
  private boolean ownersKnownSolid(ObjectGraph.Node node) {
    for (OwnerReference ref : node.owners()) {
      ObjectGraph.Node owner = graph.owner(ref, node.namespace());
      if (owner == null || owner.deletingDependents()) {
        return false;
      }
    }
    return true;
  }

  // ---- dependents -------------------------------------------------------------------------------

  private Result collect(ObjectGraph.Node node) {
    HasMetadata latest = live(node).orElse(null);
    if (latest == null || latest.getMetadata().getDeletionTimestamp() != null) {
      return Result.done(); // gone or going: the informer will say so
    }
    List<OwnerReference> refs = owners(latest);
    List<OwnerReference> solid = new ArrayList<>();
    List<OwnerReference> dangling = new ArrayList<>();
    List<OwnerReference> waiting = new ArrayList<>();
    for (OwnerReference ref : refs) {
      switch (ownerState(ref, node.namespace())) {
        case SOLID -> solid.add(ref);
        case DANGLING -> dangling.add(ref);
        case WAITING -> waiting.add(ref);
      }
    }
    String rv = latest.getMetadata().getResourceVersion();
    if (!solid.isEmpty()) {
      if (!dangling.isEmpty() || !waiting.isEmpty()) {
        List<OwnerReference> kept = new ArrayList<>(refs);
        kept.removeAll(dangling);
        kept.removeAll(waiting);
        patchOwners(node, rv, kept);
      }
      return Result.done();
    }
    if (!waiting.isEmpty() && !graph.dependentsOf(node.uid()).isEmpty()) {
      for (ObjectGraph.Node dependent : graph.dependentsOf(node.uid())) {
        if (dependent.deletingDependents()) {
          rv = unblock(node, rv, refs);
          break;
        }
      }
      delete(node, rv, "Foreground");
      return Result.done();
    }
    List<String> finalizers = latest.getMetadata().getFinalizers();
    String policy =
        finalizers != null && finalizers.contains(GcFinalizers.ORPHAN)
            ? "Orphan"
            : finalizers != null && finalizers.contains(GcFinalizers.FOREGROUND)
                ? "Foreground"
                : "Background";
    delete(node, rv, policy);
    return Result.done();
  }

  private OwnerState ownerState(OwnerReference ref, String dependentNamespace) {
    ObjectGraph.Node known = graph.owner(ref, dependentNamespace);
    if (known != null && !known.beingDeleted()) {
      return OwnerState.SOLID;
    }
    Optional<ResourceType<? extends HasMetadata>> type = GcResources.of(ref);
    if (type.isEmpty() || (type.get().namespaced() && dependentNamespace.isEmpty())) {
      return OwnerState.SOLID; // not a kind we can look up: never collect on a guess
    }
    String namespace = type.get().namespaced() ? dependentNamespace : "";
    if (graph.knownAbsent(namespace, ref.getUid())) {
      return OwnerState.DANGLING;
    }
    HasMetadata owner;
    try {
      owner = Blocking.await(client.get(type.get(), namespace, ref.getName()));
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
      graph.markAbsent(namespace, ref.getUid());
      return OwnerState.DANGLING;
    }
    if (!ref.getUid().equals(owner.getMetadata().getUid())) {
      graph.markAbsent(namespace, ref.getUid());
      return OwnerState.DANGLING;
    }
    List<String> finalizers = owner.getMetadata().getFinalizers();
    boolean waiting =
        owner.getMetadata().getDeletionTimestamp() != null
            && finalizers != null
            && finalizers.contains(GcFinalizers.FOREGROUND);
    return waiting ? OwnerState.WAITING : OwnerState.SOLID;
  }

  /** Sets blockOwnerDeletion=false on the object's references; returns the new resourceVersion. */
  private String unblock(ObjectGraph.Node node, String rv, List<OwnerReference> refs) {
    List<OwnerReference> unblocked = new ArrayList<>();
    for (OwnerReference r : refs) {
      OwnerReference copy = Json.mapper().convertValue(r, OwnerReference.class);
      if (Boolean.TRUE.equals(copy.getBlockOwnerDeletion())) {
        copy.setBlockOwnerDeletion(false);
      }
      unblocked.add(copy);
    }
    return patchOwners(node, rv, unblocked);
  }

  // ---- owners being deleted ---------------------------------------------------------------------

  private Result deleteDependents(ObjectGraph.Node owner) {
    List<ObjectGraph.Node> blocking = new ArrayList<>();
    for (ObjectGraph.Node dependent : graph.dependentsOf(owner.uid())) {
      OwnerReference ref = dependent.refTo(owner.uid());
      if (ref != null && Boolean.TRUE.equals(ref.getBlockOwnerDeletion())) {
        blocking.add(dependent);
      }
    }
    if (blocking.isEmpty()) {
      removeFinalizer(owner, GcFinalizers.FOREGROUND);
      return Result.done();
    }
    for (ObjectGraph.Node dependent : blocking) {
      if (!dependent.deletingDependents()) {
        enqueue.accept(dependent.uid());
      }
    }
    return Result.done(); // each blocking dependent's change or deletion wakes the owner again
  }

  private void orphanDependents(ObjectGraph.Node owner) {
    for (ObjectGraph.Node dependent : graph.dependentsOf(owner.uid())) {
      HasMetadata latest = live(dependent).orElse(null);
      if (latest == null) {
        continue;
      }
      List<OwnerReference> refs = owners(latest);
      List<OwnerReference> kept = new ArrayList<>();
      for (OwnerReference r : refs) {
        if (!owner.uid().equals(r.getUid())) {
          kept.add(r);
        }
      }
      if (kept.size() != refs.size()) {
        patchOwners(dependent, latest.getMetadata().getResourceVersion(), kept);
      }
    }
  }

  // ---- writes -----------------------------------------------------------------------------------

  /** The object as the server has it now, if it is still the one the graph knows (same uid). */
  private Optional<HasMetadata> live(ObjectGraph.Node node) {
    try {
      HasMetadata o = Blocking.await(client.get(node.type(), node.namespace(), node.name()));
      return node.uid().equals(o.getMetadata().getUid()) ? Optional.of(o) : Optional.empty();
    } catch (ApiException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static List<OwnerReference> owners(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return refs == null ? List.of() : refs;
  }

  /** Replaces the object's ownerReferences, conditioned on {@code rv}; returns the new one. */
  private String patchOwners(ObjectGraph.Node node, String rv, List<OwnerReference> refs) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode meta = patch.putObject("metadata");
    meta.put("resourceVersion", rv);
    if (refs.isEmpty()) {
      meta.putNull("ownerReferences");
    } else {
      meta.set("ownerReferences", Json.mapper().valueToTree(refs));
    }
    HasMetadata patched =
        Blocking.await(client.mergePatch(node.type(), node.namespace(), node.name(), "", patch));
    return patched.getMetadata().getResourceVersion();
  }

  private void removeFinalizer(ObjectGraph.Node node, String finalizer) {
    HasMetadata latest = live(node).orElse(null);
    List<String> finalizers = latest == null ? null : latest.getMetadata().getFinalizers();
    if (finalizers == null || !finalizers.contains(finalizer)) {
      return;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode meta = patch.putObject("metadata");
    meta.put("resourceVersion", latest.getMetadata().getResourceVersion());
    ArrayNode rest = JsonNodeFactory.instance.arrayNode();
    finalizers.stream().filter(f -> !f.equals(finalizer)).forEach(rest::add);
    if (rest.isEmpty()) {
      meta.putNull("finalizers");
    } else {
      meta.set("finalizers", rest);
    }
    Blocking.await(client.mergePatch(node.type(), node.namespace(), node.name(), "", patch));
  }

  private void delete(ObjectGraph.Node node, String rv, String policy) {
    DeleteOptions opts = new DeleteOptions();
    opts.setPropagationPolicy(policy);
    Preconditions pre = new Preconditions();
    pre.setUid(node.uid());
    pre.setResourceVersion(rv);
    opts.setPreconditions(pre);
    Blocking.await(client.delete(node.type(), node.namespace(), node.name(), opts));
  }
}
