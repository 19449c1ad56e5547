package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.controller.PodTemplates;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Daemon pods: how they are made from the template, and which revision a pod belongs to. */
final class DaemonPods {
  /** The label and ControllerRevision label holding the template hash (apps/v1 DefaultDaemonSetUniqueLabelKey). */
  static final String HASH_LABEL = "controller-revision-hash";
  static final String GENERATION_LABEL = "pod-template-generation";
  /** Where the API server keeps the template generation of an apps/v1 DaemonSet. */
  static final String GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

  /**
   * Upstream's podByCreationTimestampAndPhase: bound pods before pending ones, then oldest first,
   * then by name. The first is the one that stays when a node has several.
   */
  static final Comparator<Pod> OLDEST_FIRST =
      Comparator.<Pod>comparingInt(p -> nodeName(p).isEmpty() ? 1 : 0)
          .thenComparing(p -> orEmpty(p.getMetadata().getCreationTimestamp()))
          .thenComparing(p -> orEmpty(p.getMetadata().getName()));

  private DaemonPods() {}

  /**
   * The pod to create on {@code node}: the template with the default tolerations, the revision
   * labels, the node-name affinity, and a controller reference to the DaemonSet.
   */
  static Pod newPod(DaemonSet ds, String hash, String node) {
    Pod pod = PodTemplates.newPod(ds.getSpec().getTemplate(), ds);
    Map<String, String> labels =
        pod.getMetadata().getLabels() == null ? new HashMap<>() : pod.getMetadata().getLabels();
    templateGeneration(ds).ifPresent(g -> labels.put(GENERATION_LABEL, Long.toString(g)));
    labels.put(HASH_LABEL, hash);
    pod.getMetadata().setLabels(labels);
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    DaemonTolerations.addTo(spec);
    spec.setAffinity(NodeNameAffinity.replace(spec.getAffinity(), node));
    pod.setSpec(spec);
    return pod;
  }

  static Optional<Long> templateGeneration(DaemonSet ds) {
    Map<String, String> annotations = ds.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(GENERATION_ANNOTATION);
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Upstream's IsPodUpdated: the pod carries the current hash, or the current template
   * generation (pods made before revisions were hashed).
   */
  static boolean isUpdated(Pod pod, String hash, Optional<Long> generation) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    boolean hashMatches = hash != null && !hash.isEmpty() && hash.equals(labels.get(HASH_LABEL));
    boolean generationMatches =
        generation.isPresent() && generation.get().toString().equals(labels.get(GENERATION_LABEL));
    return hashMatches || generationMatches;
  }

  static boolean deleting(Pod p) {
    return p.getMetadata().getDeletionTimestamp() != null;
  }

  static String phase(Pod p) {
    return p.getStatus() == null ? "" : orEmpty(p.getStatus().getPhase());
  }

  static boolean terminal(Pod p) {
    String phase = phase(p);
    return phase.equals("Failed") || phase.equals("Succeeded");
  }

  private static String nodeName(Pod p) {
    return p.getSpec() == null ? "" : orEmpty(p.getSpec().getNodeName());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
