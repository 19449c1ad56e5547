package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.server.api.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which container a streaming request on a pod (log, exec, attach) is about, chosen as
 * kube-apiserver does: the named one if the pod has it (init and ephemeral containers count), the
 * only one when none is named, else a 400 listing the choices.
 */
public final class PodContainerChoice {
  private PodContainerChoice() {}

  public static String choose(Pod pod, String requested) {
    String podName = pod.getMetadata().getName();
    List<String> names = allNames(pod);
    if (requested != null && !requested.isEmpty()) {
      if (!names.contains(requested)) {
        throw ApiException.badRequest(
            "container " + requested + " is not valid for pod " + podName);
      }
      return requested;
    }
    List<Container> containers = pod.getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      throw ApiException.badRequest("pod " + podName + " does not have a container");
    }
    if (containers.size() == 1) {
      return containers.get(0).getName();
    }
    throw ApiException.badRequest(
        "a container name must be specified for pod "
            + podName
            + ", choose one of: ["
            + String.join(" ", names)
            + "]");
  }

  /** Init containers, then containers, then ephemeral ones: the order kube lists them in. */
  static List<String> allNames(Pod pod) {
    var names = new ArrayList<String>();
    var spec = pod.getSpec();
    if (spec.getInitContainers() != null) {
      spec.getInitContainers().forEach(c -> names.add(c.getName()));
    }
    if (spec.getContainers() != null) {
      spec.getContainers().forEach(c -> names.add(c.getName()));
    }
    if (spec.getEphemeralContainers() != null) {
      for (EphemeralContainer c : spec.getEphemeralContainers()) {
        names.add(c.getName());
      }
    }
    return names;
  }
}
