package io.vessel.server.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Optional;

/** Controller references: who manages an object, and the reference a controller stamps on what it makes. */
public final class OwnerRefs {
  private OwnerRefs() {}

  public static Optional<OwnerReference> controllerOf(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  public static boolean controlledBy(HasMetadata o, HasMetadata owner) {
    return controllerOf(o).map(r -> r.getUid().equals(owner.getMetadata().getUid())).orElse(false);
  }

  /** The reference a controller sets on objects it creates or adopts. */
  public static OwnerReference controllerRef(HasMetadata owner) {
    OwnerReference ref = new OwnerReference();
    ref.setApiVersion(owner.getApiVersion());
    ref.setKind(owner.getKind());
    ref.setName(owner.getMetadata().getName());
    ref.setUid(owner.getMetadata().getUid());
    ref.setController(true);
    ref.setBlockOwnerDeletion(true);
    return ref;
  }
}
