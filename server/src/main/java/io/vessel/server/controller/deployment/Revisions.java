package io.vessel.server.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.vessel.kit.client.Json;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodTemplates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The annotations and labels that tie a Deployment's ReplicaSets to its revisions. */
final class Revisions {
  static final String HASH_LABEL = "pod-template-hash";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  private Revisions() {}

  static long revision(ReplicaSet rs) {
    String v = annotations(rs.getMetadata()).get(REVISION);
    try {
      return v == null ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String changeCause(io.fabric8.kubernetes.api.model.HasMetadata o) {
    return annotations(o.getMetadata()).get(CHANGE_CAUSE);
  }

  /** Whether the ReplicaSet's status predates its latest spec (its controller has not caught up). */
  static boolean statusBehind(ReplicaSet rs) {
    Long generation = rs.getMetadata().getGeneration();
    Long observed = rs.getStatus() == null ? null : rs.getStatus().getObservedGeneration();
    return generation != null && (observed == null || observed < generation);
  }

  static int replicas(ReplicaSet rs) {
    Integer n = rs.getSpec().getReplicas();
    return n == null ? 1 : n;
  }

  static int statusReplicas(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
  }

  static int available(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas();
  }

  static int ready(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas();
  }

  /** Templates equal once the ReplicaSet's pod-template-hash label is set aside. */
  static boolean sameTemplate(PodTemplateSpec rsTemplate, PodTemplateSpec deploymentTemplate) {
    return withoutHash(rsTemplate).equals(withoutHash(deploymentTemplate));
  }

  private static JsonNode withoutHash(PodTemplateSpec t) {
    JsonNode tree = Json.mapper().valueToTree(t);
    JsonNode labels = tree.path("metadata").path("labels");
    if (labels instanceof ObjectNode o) {
      o.remove(HASH_LABEL);
      if (o.isEmpty()) {
        ((ObjectNode) tree.get("metadata")).remove("labels");
      }
    }
    return tree;
  }

  static ReplicaSet newReplicaSet(Deployment d, String hash, int replicas, long revision, int maxSurge) {
    PodTemplateSpec template = PodTemplates.copy(d.getSpec().getTemplate(), PodTemplateSpec.class);
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
    labels.put(HASH_LABEL, hash);
    template.getMetadata().setLabels(labels);

    LabelSelector selector = PodTemplates.copy(d.getSpec().getSelector(), LabelSelector.class);
    Map<String, String> match = new HashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    match.put(HASH_LABEL, hash);
    selector.setMatchLabels(match);

    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(d.getMetadata().getNamespace());
    meta.setName(d.getMetadata().getName() + "-" + hash);
    meta.setLabels(labels);
    Map<String, String> annotations = new HashMap<>();
    // Upstream copies the Deployment's own annotations, minus the ones it manages itself.
    annotations(d.getMetadata()).forEach((k, v) -> {
      if (!k.startsWith("deployment.kubernetes.io/") && !k.equals("kubectl.kubernetes.io/last-applied-configuration")) {
        annotations.put(k, v);
      }
    });
    annotations.put(REVISION, Long.toString(revision));
    annotations.put(DESIRED_REPLICAS, Integer.toString(d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()));
    annotations.put(MAX_REPLICAS, Integer.toString((d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()) + maxSurge));
    meta.setAnnotations(annotations);
    meta.setOwnerReferences(List.of(OwnerRefs.controllerRef(d)));

    ReplicaSetSpec spec = new ReplicaSetSpec();
    spec.setReplicas(replicas);
    spec.setMinReadySeconds(d.getSpec().getMinReadySeconds());
    spec.setSelector(selector);
    spec.setTemplate(template);
    ReplicaSet rs = new ReplicaSet();
    rs.setMetadata(meta);
    rs.setSpec(spec);
    return rs;
  }

  private static Map<String, String> annotations(ObjectMeta m) {
    return m == null || m.getAnnotations() == null ? Map.of() : m.getAnnotations();
  }
}
