package io.vessel.server.controller.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.vessel.kit.client.ResourceType;
import io.vessel.server.registry.GcFinalizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns whom, as the informers last showed it: every followed object by uid, and for every
 * owner uid (present or not) the uids of the objects that name it. The garbage collector reads it
 * to find dependents and to skip live look-ups of owners it knows exist; it never deletes on its
 * word alone. It also remembers, as upstream's absentOwnerCache, a bounded set of uids known to
 * be gone.
 *
 * <p>Threading: written by the informers' event loops and read by the reconcile workers; every
 * method is synchronized.
 */
final class ObjectGraph {
  private static final int ABSENT_CAPACITY = 500;

  /** One followed object: where to find it, whom it names as owners, how it is being deleted. */
  record Node(
      ResourceType<?> type,
      String namespace,
      String name,
      String uid,
      List<OwnerReference> owners,
      boolean beingDeleted,
      List<String> finalizers) {

    static Node of(ResourceType<?> type, HasMetadata o) {
      var m = o.getMetadata();
      return new Node(
          type,
          m.getNamespace() == null ? "" : m.getNamespace(),
          m.getName(),
          m.getUid(),
          m.getOwnerReferences() == null ? List.of() : List.copyOf(m.getOwnerReferences()),
          m.getDeletionTimestamp() != null,
          m.getFinalizers() == null ? List.of() : List.copyOf(m.getFinalizers()));
    }

    /** Being deleted in the foreground: waits for its blocking dependents to go. */
    boolean deletingDependents() {
      return beingDeleted && finalizers.contains(GcFinalizers.FOREGROUND);
    }

    /** Being deleted with the orphan finalizer: its dependents are to lose their reference. */
    boolean orphaning() {
      return beingDeleted && finalizers.contains(GcFinalizers.ORPHAN);
    }

    /** This object's reference to {@code ownerUid}, or null. */
    OwnerReference refTo(String ownerUid) {
      for (OwnerReference r : owners) {
        if (ownerUid.equals(r.getUid())) {
          return r;
        }
      }
      return null;
    }
  }

  private final Map<String, Node> byUid = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final Map<String, Boolean> absent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > ABSENT_CAPACITY;
        }
      };

  /** Records the object's current state; returns the state it replaces, or null. */
  synchronized Node put(Node node) {
    Node old = byUid.put(node.uid(), node);
    if (old != null) {
      unlink(old);
    }
    for (OwnerReference r : node.owners()) {
      if (r.getUid() != null) {
        dependents.computeIfAbsent(r.getUid(), k -> new HashSet<>()).add(node.uid());
      }
    }
    return old;
  }

  /** Forgets a deleted object and remembers it as gone; returns its last state, or null. */
  synchronized Node remove(String namespace, String uid) {
    Node old = byUid.remove(uid);
    if (old != null) {
      unlink(old);
    }
    absent.put(absentKey(namespace, uid), Boolean.TRUE);
    return old;
  }

  private void unlink(Node node) {
    for (OwnerReference r : node.owners()) {
      Set<String> deps = dependents.get(r.getUid());
      if (deps != null) {
        deps.remove(node.uid());
        if (deps.isEmpty()) {
          dependents.remove(r.getUid());
        }
      }
    }
  }

  synchronized Node get(String uid) {
    return byUid.get(uid);
  }

  /**
   * The followed object {@code ref} names for a dependent in {@code namespace}, or null: the uid
   * must match and a namespaced owner must sit in the dependent's namespace (upstream looks the
   * owner up there, so a reference across namespaces finds nothing).
   */
  synchronized Node owner(OwnerReference ref, String namespace) {
    Node n = byUid.get(ref.getUid());
    if (n == null || !(n.namespace().isEmpty() || n.namespace().equals(namespace))) {
      return null;
    }
    return n;
  }

  /** The followed objects that name {@code ownerUid} as an owner. */
  synchronized List<Node> dependentsOf(String ownerUid) {
    List<Node> out = new ArrayList<>();
    for (String uid : dependents.getOrDefault(ownerUid, Set.of())) {
      Node n = byUid.get(uid);
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Whether the owner {@code uid}, looked up in {@code namespace} ("" for cluster-scoped kinds),
   * was seen deleted or confirmed missing there (uids are never reused).
   */
  synchronized boolean knownAbsent(String namespace, String uid) {
    return absent.containsKey(absentKey(namespace, uid));
  }

  synchronized void markAbsent(String namespace, String uid) {
    absent.put(absentKey(namespace, uid), Boolean.TRUE);
  }

  private static String absentKey(String namespace, String uid) {
    return namespace + "/" + uid;
  }
}
