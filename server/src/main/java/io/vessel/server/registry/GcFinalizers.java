package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The garbage-collection finalizers a delete leaves on an object, as upstream's {@code
 * deletionFinalizersForGarbageCollection}: {@code orphan} when dependents are to be orphaned,
 * {@code foregroundDeletion} when they are to be deleted first, neither for a background delete.
 * The request decides first ({@code orphanDependents}, then {@code propagationPolicy}), then a
 * finalizer the object already carries, then the kind's default policy.
 */
public final class GcFinalizers {
  public static final String ORPHAN = "orphan";
  public static final String FOREGROUND = "foregroundDeletion";

  private GcFinalizers() {}

  /** The object's finalizers after a delete with {@code opts}; the same list when unchanged. */
  static List<String> onDelete(
      List<String> current, DeleteOptions opts, GarbageCollectionPolicy policy) {
    if (policy == GarbageCollectionPolicy.UNSUPPORTED) {
      return current;
    }
    List<String> updated = new ArrayList<>();
    for (String f : current) {
      if (!f.equals(ORPHAN) && !f.equals(FOREGROUND)) {
        updated.add(f);
      }
    }
    if (orphan(current, opts, policy)) {
      updated.add(ORPHAN);
    }
    if (foreground(current, opts)) {
      updated.add(FOREGROUND);
    }
    return new HashSet<>(updated).equals(new HashSet<>(current)) ? current : updated;
  }

  private static boolean orphan(
      List<String> current, DeleteOptions opts, GarbageCollectionPolicy policy) {
    if (opts.getOrphanDependents() != null) {
      return opts.getOrphanDependents();
    }
    if (opts.getPropagationPolicy() != null) {
      return opts.getPropagationPolicy().equals("Orphan");
    }
    for (String f : current) {
      if (f.equals(ORPHAN)) {
        return true;
      }
      if (f.equals(FOREGROUND)) {
        return false;
      }
    }
    return policy == GarbageCollectionPolicy.ORPHAN_DEPENDENTS;
  }

  private static boolean foreground(List<String> current, DeleteOptions opts) {
    if (opts.getOrphanDependents() != null) {
      return false;
    }
    if (opts.getPropagationPolicy() != null) {
      return opts.getPropagationPolicy().equals("Foreground");
    }
    for (String f : current) {
      if (f.equals(FOREGROUND)) {
        return true;
      }
      if (f.equals(ORPHAN)) {
        return false;
      }
    }
    return false;
  }
}
