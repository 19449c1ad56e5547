package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.FieldErrors;

/**
 * Per-resource rules the generic {@link ResourceStore} calls at fixed points, as kube-apiserver's
 * registry strategies are: defaults and system fields first, then validation. Hooks mutate the
 * object in place and must not block.
 */
public interface Strategy<T extends HasMetadata> {

  /** Which name grammar the resource enforces. */
  enum NameRule {
    DNS1123_SUBDOMAIN,
    DNS1123_LABEL,
    DNS1035_LABEL,
    /** Any name usable as one URL path segment (RBAC objects, e.g. {@code system:node}). */
    PATH_SEGMENT
  }

  default NameRule nameRule() {
    return NameRule.DNS1123_SUBDOMAIN;
  }

  /** Defaulting and clearing of fields the client may not set, before validation. */
  default void prepareForCreate(T obj) {}

  /** Carries over what an update of the main resource may not change (e.g. status). */
  default void prepareForUpdate(T obj, T old) {}

  default void validate(T obj, FieldErrors errors) {}

  default void validateUpdate(T obj, T old, FieldErrors errors) {}

  /** Whether a PUT to a missing object creates it. */
  default boolean allowCreateOnUpdate() {
    return false;
  }

  /** Whether a PUT without metadata.resourceVersion is accepted (last write wins). */
  default boolean allowUnconditionalUpdate() {
    return true;
  }

  /**
   * Whether deleting the object only marks it (deletionTimestamp) until something finalizes it,
   * beyond metadata.finalizers: namespaces wait for their spec.finalizers.
   */
  default boolean finalizesOnDelete(T obj) {
    return false;
  }

  /**
   * What a delete without {@code propagationPolicy} or {@code orphanDependents} does to
   * dependents (upstream's DefaultGarbageCollectionPolicy).
   */
  default GarbageCollectionPolicy defaultGarbageCollectionPolicy() {
    return GarbageCollectionPolicy.DELETE_DEPENDENTS;
  }

  /** Changes made when the object is marked for deletion (e.g. phase Terminating). */
  default void prepareForDelete(T obj) {}

  /**
   * The object an update of {@code subresource} stores. The default serves {@code status}: the
   * current object with the requested status, everything else unchanged (as upstream's status
   * strategies reset spec and metadata).
   */
  default T subresourceUpdate(String subresource, T requested, T current) {
    ModelFields.copyStatus(requested, current);
    return current;
  }

  /** The shared values (clusterIPs, nodePorts) the objects hold; null when there are none. */
  default Allocations<T> allocations() {
    return null;
  }

  /** Whether metadata.generation starts at 1 and grows with every spec change. */
  default boolean tracksGeneration() {
    return false;
  }
}
