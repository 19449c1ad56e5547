package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Pod (not a template) gets besides the pod-spec defaults: service links, requests copied
 * from limits, host ports under hostNetwork, and on create what kube-apiserver's default admission
 * plugins add: the ServiceAccount plugin's {@code serviceAccountName: default} (the token volume
 * belongs to the service-account issue), DefaultTolerationSeconds' not-ready and unreachable
 * tolerations, and Priority's {@code priority} and {@code preemptionPolicy}.
 */
public final class PodCreateDefaults {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final long DEFAULT_TOLERATION_SECONDS = 300;

  /** The priorities of the two built-in classes; other classes need a PriorityClass lookup. */
  private static final Map<String, Integer> SYSTEM_PRIORITIES =
      Map.of("system-node-critical", 2000001000, "system-cluster-critical", 2000000000);

  private PodCreateDefaults() {}

  /** Defaults applied whenever a Pod is decoded (create and update). */
  public static void applyPodDefaults(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return;
    }
    PodSpecDefaults.apply(spec);
    if (spec.getEnableServiceLinks() == null) {
      spec.setEnableServiceLinks(true);
    }
    List<Container> all = new ArrayList<>(PodSpecDefaults.list(spec.getInitContainers()));
    all.addAll(PodSpecDefaults.list(spec.getContainers()));
    for (Container c : all) {
      requestsFromLimits(c);
      if (Boolean.TRUE.equals(spec.getHostNetwork())) {
        for (ContainerPort p : PodSpecDefaults.list(c.getPorts())) {
          if (p.getHostPort() == null || p.getHostPort() == 0) {
            p.setHostPort(p.getContainerPort());
          }
        }
      }
    }
    // v1 keeps the deprecated serviceAccount field in step with serviceAccountName.
    if (isEmpty(spec.getServiceAccountName()) && !isEmpty(spec.getServiceAccount())) {
      spec.setServiceAccountName(spec.getServiceAccount());
    }
    if (!isEmpty(spec.getServiceAccountName())) {
      spec.setServiceAccount(spec.getServiceAccountName());
    }
  }

  /** What the default admission plugins add to a new Pod. */
  public static void applyAdmissionDefaults(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return;
    }
    if (isEmpty(spec.getServiceAccountName())) {
      spec.setServiceAccountName("default");
      spec.setServiceAccount("default");
    }
    spec.setTolerations(withDefaultTolerations(spec.getTolerations()));
    if (spec.getPriority() == null) {
      String className = spec.getPriorityClassName();
      if (isEmpty(className)) {
        spec.setPriority(0);
      } else if (SYSTEM_PRIORITIES.containsKey(className)) {
        spec.setPriority(SYSTEM_PRIORITIES.get(className));
      }
    }
    if (spec.getPreemptionPolicy() == null) {
      spec.setPreemptionPolicy("PreemptLowerPriority");
    }
  }

  /** Adds the 300 s NoExecute tolerations for not-ready and unreachable nodes unless covered. */
  static List<Toleration> withDefaultTolerations(List<Toleration> tolerations) {
    List<Toleration> out = new ArrayList<>(PodSpecDefaults.list(tolerations));
    boolean notReady = false;
    boolean unreachable = false;
    for (Toleration t : out) {
      boolean noExecute = isEmpty(t.getEffect()) || "NoExecute".equals(t.getEffect());
      if (noExecute && (isEmpty(t.getKey()) || NOT_READY.equals(t.getKey()))) {
        notReady = true;
      }
      if (noExecute && (isEmpty(t.getKey()) || UNREACHABLE.equals(t.getKey()))) {
        unreachable = true;
      }
    }
    if (!notReady) {
      out.add(new Toleration("NoExecute", NOT_READY, "Exists", DEFAULT_TOLERATION_SECONDS, null));
    }
    if (!unreachable) {
      out.add(new Toleration("NoExecute", UNREACHABLE, "Exists", DEFAULT_TOLERATION_SECONDS, null));
    }
    return out;
  }

  private static void requestsFromLimits(Container c) {
    ResourceRequirements r = c.getResources();
    if (r == null || r.getLimits() == null || r.getLimits().isEmpty()) {
      return;
    }
    Map<String, Quantity> requests =
        r.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getRequests());
    for (Map.Entry<String, Quantity> limit : r.getLimits().entrySet()) {
      requests.putIfAbsent(limit.getKey(), limit.getValue());
    }
    r.setRequests(requests);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
