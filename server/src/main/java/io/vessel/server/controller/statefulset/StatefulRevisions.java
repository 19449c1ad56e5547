package io.vessel.server.controller.statefulset;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.RevisionData;
import io.vessel.server.controller.TemplateHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A StatefulSet's history as ControllerRevisions: each holds the pod template as a
 * replace-patch of {@code spec.template}, named {@code <set>-<hash>}, numbered in order.
 */
final class StatefulRevisions {
  static final String HASH_LABEL = "controller.kubernetes.io/hash";

  private StatefulRevisions() {}

  static String name(StatefulSet set) {
    // Absent and zero are one count: the first status write must not rename the revision.
    Integer collisions = set.getStatus() == null || set.getStatus().getCollisionCount() == null
        ? 0 : set.getStatus().getCollisionCount();
    return set.getMetadata().getName() + "-" + TemplateHash.of(set.getSpec().getTemplate(), collisions);
  }

  static ControllerRevision build(StatefulSet set, long revision) {
    String name = name(set);
    ControllerRevision cr = new ControllerRevision();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(set.getMetadata().getNamespace());
    meta.setName(name);
    Map<String, String> labels = new HashMap<>();
    if (set.getSpec().getTemplate().getMetadata() != null && set.getSpec().getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(set.getSpec().getTemplate().getMetadata().getLabels());
    }
    labels.put(HASH_LABEL, name.substring(set.getMetadata().getName().length() + 1));
    meta.setLabels(labels);
    meta.setOwnerReferences(List.of(OwnerRefs.controllerRef(set)));
    cr.setMetadata(meta);
    cr.setData(RevisionData.of(set.getSpec().getTemplate()));
    cr.setRevision(revision);
    return cr;
  }

  /** The pod template a revision recorded. */
  static PodTemplateSpec template(ControllerRevision cr) {
    return RevisionData.template(cr);
  }
}
