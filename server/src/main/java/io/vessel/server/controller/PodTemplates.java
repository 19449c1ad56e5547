package io.vessel.server.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.vessel.kit.client.Json;
import java.util.HashMap;
import java.util.List;

/** Pods made from a controller's template, named and owned as upstream's controllers make them. */
public final class PodTemplates {
  private PodTemplates() {}

  public static Pod newPod(PodTemplateSpec template, HasMetadata owner) {
    ObjectMeta t = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    ObjectMeta m = new ObjectMeta();
    m.setNamespace(owner.getMetadata().getNamespace());
    m.setGenerateName(owner.getMetadata().getName() + "-");
    m.setLabels(t.getLabels() == null ? null : new HashMap<>(t.getLabels()));
    m.setAnnotations(t.getAnnotations() == null ? null : new HashMap<>(t.getAnnotations()));
    m.setFinalizers(t.getFinalizers());
    m.setOwnerReferences(List.of(OwnerRefs.controllerRef(owner)));
    Pod pod = new Pod();
    pod.setMetadata(m);
    pod.setSpec(copy(template.getSpec(), PodSpec.class));
    return pod;
  }

  public static <T> T copy(T value, Class<T> type) {
    return value == null ? null : Json.mapper().convertValue(value, type);
  }
}
