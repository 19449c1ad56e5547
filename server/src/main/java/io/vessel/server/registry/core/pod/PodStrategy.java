package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.Strategy;

/**
 * Pod rules: the v1 and admission defaults, a fresh {@code Pending} status with its QoS class on
 * create, generation tracking, the basic spec checks, and a spec that is immutable but for images,
 * deadlines and added tolerations. {@code status} is written only through {@code /status}, which
 * keeps the QoS class when a client leaves it out.
 */
public final class PodStrategy implements Strategy<Pod> {

  @Override
  public void prepareForCreate(Pod pod) {
    PodCreateDefaults.applyPodDefaults(pod);
    PodCreateDefaults.applyAdmissionDefaults(pod);
    PodStatus status = new PodStatus();
    status.setPhase("Pending");
    status.setQosClass(pod.getSpec() == null ? "BestEffort" : PodQos.of(pod.getSpec()));
    pod.setStatus(status);
  }

  @Override
  public void prepareForUpdate(Pod pod, Pod old) {
    PodCreateDefaults.applyPodDefaults(pod);
  }

  @Override
  public void validate(Pod pod, FieldErrors errors) {
    PodSpecValidation.validate(pod.getSpec(), "spec", errors);
  }

  @Override
  public void validateUpdate(Pod pod, Pod old, FieldErrors errors) {
    PodUpdateValidation.validate(pod.getSpec(), old.getSpec(), errors);
  }

  @Override
  public Pod subresourceUpdate(String subresource, Pod requested, Pod current) {
    String qos = current.getStatus() == null ? null : current.getStatus().getQosClass();
    current.setStatus(requested.getStatus());
    if (current.getStatus() != null && current.getStatus().getQosClass() == null) {
      current.getStatus().setQosClass(qos);
    }
    return current;
  }

  @Override
  public boolean tracksGeneration() {
    return true;
  }
}
