package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.RevisionData;
import io.vessel.server.controller.TemplateHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DaemonSet's templates as ControllerRevisions, as upstream names and labels them: {@code
 * <ds>-<hash>}, where the hash covers the template and {@code status.collisionCount}, carried
 * also in the {@code controller-revision-hash} label that the revision's pods share.
 */
final class DaemonRevisions {
  private DaemonRevisions() {}

  /** The hash of the current template. An absent collision count is left out, as upstream does. */
  static String hash(DaemonSet ds) {
    Integer collisions = ds.getStatus() == null ? null : ds.getStatus().getCollisionCount();
    return TemplateHash.of(ds.getSpec().getTemplate(), collisions);
  }

  static String name(DaemonSet ds, String hash) {
    return ds.getMetadata().getName() + "-" + hash;
  }

  /** A snapshot of the current template with revision number {@code revision}. */
  static ControllerRevision build(DaemonSet ds, long revision) {
    String hash = hash(ds);
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(ds.getMetadata().getNamespace());
    meta.setName(name(ds, hash));
    Map<String, String> labels = new HashMap<>();
    var templateMeta = ds.getSpec().getTemplate().getMetadata();
    if (templateMeta != null && templateMeta.getLabels() != null) {
      labels.putAll(templateMeta.getLabels());
    }
    labels.put(DaemonPods.HASH_LABEL, hash);
    meta.setLabels(labels);
    if (ds.getMetadata().getAnnotations() != null) {
      meta.setAnnotations(new HashMap<>(ds.getMetadata().getAnnotations()));
    }
    meta.setOwnerReferences(List.of(OwnerRefs.controllerRef(ds)));
    ControllerRevision cr = new ControllerRevision();
    cr.setMetadata(meta);
    cr.setData(RevisionData.of(ds.getSpec().getTemplate()));
    cr.setRevision(revision);
    return cr;
  }

  /** Whether {@code cr} records the DaemonSet's current template (upstream's Match). */
  static boolean matches(DaemonSet ds, ControllerRevision cr) {
    return RevisionData.records(cr, ds.getSpec().getTemplate());
  }

  /** The hash a revision's pods carry; a revision without the label is known by its name. */
  static String hashOf(ControllerRevision cr) {
    Map<String, String> labels = cr.getMetadata().getLabels();
    String hash = labels == null ? null : labels.get(DaemonPods.HASH_LABEL);
    return hash == null || hash.isEmpty() ? cr.getMetadata().getName() : hash;
  }

  static long number(ControllerRevision cr) {
    return cr.getRevision() == null ? 0 : cr.getRevision();
  }
}
