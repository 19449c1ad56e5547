package io.vessel.server.controller.statefulset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodTemplates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stable identity of a StatefulSet's pods: names, labels, hostnames and claims by ordinal. */
final class StatefulPods {
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  static final String REVISION_LABEL = "controller-revision-hash";

  private StatefulPods() {}

  static String podName(StatefulSet set, int ordinal) {
    return set.getMetadata().getName() + "-" + ordinal;
  }

  /** The ordinal of a pod named {@code <set>-<n>}, or -1 for any other name. */
  static int ordinal(StatefulSet set, HasMetadata pod) {
    String prefix = set.getMetadata().getName() + "-";
    String name = pod.getMetadata().getName();
    if (!name.startsWith(prefix)) {
      return -1;
    }
    try {
      return Integer.parseInt(name.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String claimName(PersistentVolumeClaim template, StatefulSet set, int ordinal) {
    return template.getMetadata().getName() + "-" + podName(set, ordinal);
  }

  static Pod newPod(StatefulSet set, PodTemplateSpec template, String revision, int ordinal) {
    Pod pod = PodTemplates.newPod(template, set);
    String name = podName(set, ordinal);
    ObjectMeta m = pod.getMetadata();
    m.setGenerateName(null);
    m.setName(name);
    Map<String, String> labels = new HashMap<>(m.getLabels() == null ? Map.of() : m.getLabels());
    labels.put(REVISION_LABEL, revision);
    labels.put(POD_NAME_LABEL, name);
    labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
    m.setLabels(labels);
    pod.getSpec().setHostname(name);
    pod.getSpec().setSubdomain(set.getSpec().getServiceName());
    List<Volume> volumes = new ArrayList<>(pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes());
    for (PersistentVolumeClaim claim : claimTemplates(set)) {
      String volumeName = claim.getMetadata().getName();
      volumes.removeIf(v -> v.getName().equals(volumeName));
      Volume v = new Volume();
      v.setName(volumeName);
      v.setPersistentVolumeClaim(new PersistentVolumeClaimVolumeSource(claimName(claim, set, ordinal), false));
      volumes.add(v);
    }
    pod.getSpec().setVolumes(volumes.isEmpty() ? null : volumes);
    return pod;
  }

  static PersistentVolumeClaim newClaim(StatefulSet set, PersistentVolumeClaim template, int ordinal) {
    PersistentVolumeClaim pvc = new PersistentVolumeClaim();
    ObjectMeta m = new ObjectMeta();
    m.setNamespace(set.getMetadata().getNamespace());
    m.setName(claimName(template, set, ordinal));
    Map<String, String> labels = new HashMap<>();
    if (template.getMetadata().getLabels() != null) {
      labels.putAll(template.getMetadata().getLabels());
    }
    if (set.getSpec().getSelector().getMatchLabels() != null) {
      labels.putAll(set.getSpec().getSelector().getMatchLabels());
    }
    m.setLabels(labels);
    m.setAnnotations(template.getMetadata().getAnnotations());
    var policy = set.getSpec().getPersistentVolumeClaimRetentionPolicy();
    if (policy != null && "Delete".equals(policy.getWhenDeleted())) {
      var ref = OwnerRefs.controllerRef(set);
      ref.setController(null);
      m.setOwnerReferences(List.of(ref));
    }
    pvc.setMetadata(m);
    pvc.setSpec(PodTemplates.copy(template.getSpec(), io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec.class));
    return pvc;
  }

  static List<PersistentVolumeClaim> claimTemplates(StatefulSet set) {
    return set.getSpec().getVolumeClaimTemplates() == null ? List.of() : set.getSpec().getVolumeClaimTemplates();
  }

  static String revision(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(REVISION_LABEL);
  }
}
