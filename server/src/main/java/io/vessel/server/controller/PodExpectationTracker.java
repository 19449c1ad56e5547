package io.vessel.server.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.kit.controller.Expectations;
import io.vessel.kit.informer.InformerHandler;
import io.vessel.kit.informer.ObjectKeys;
import java.util.Optional;

/**
 * Counts the pod creates and deletes the cache has caught up with, for owners of one kind. Add it
 * to the pod informer before the controller's own handler, so that a reconcile woken by a pod
 * event already sees that pod counted.
 */
public final class PodExpectationTracker implements InformerHandler<Pod> {
  private final String ownerKind;
  private final Expectations expectations;

  public PodExpectationTracker(String ownerKind, Expectations expectations) {
    this.ownerKind = ownerKind;
    this.expectations = expectations;
  }

  @Override
  public void onAdd(Pod pod) {
    ownerKey(pod).ifPresent(expectations::observedAdd);
  }

  @Override
  public void onUpdate(Pod old, Pod current) {
    if (old.getMetadata().getDeletionTimestamp() == null
        && current.getMetadata().getDeletionTimestamp() != null) {
      ownerKey(current).ifPresent(expectations::observedDelete);
    }
  }

  @Override
  public void onDelete(Pod pod) {
    // A pod that went through a deletionTimestamp was counted then.
    if (pod.getMetadata().getDeletionTimestamp() == null) {
      ownerKey(pod).ifPresent(expectations::observedDelete);
    }
  }

  private Optional<String> ownerKey(Pod pod) {
    return OwnerRefs.controllerOf(pod)
        .filter(r -> ownerKind.equals(r.getKind()))
        .map(r -> ObjectKeys.of(pod.getMetadata().getNamespace(), r.getName()));
  }
}
