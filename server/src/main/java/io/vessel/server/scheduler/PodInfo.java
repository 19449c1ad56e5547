package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler needs of a pod, computed once: its resource requests as upstream's {@code
 * resource.PodRequests} sums them (containers and sidecars together, each ordinary init container
 * on its own with the sidecars started before it, the larger of the two, plus overhead), the same
 * with upstream's non-zero defaults for scoring (100m cpu, 200Mi memory per container that asks
 * for none), and the host ports its containers take.
 */
record PodInfo(Pod pod, ResourceAmounts requests, ResourceAmounts nonZeroRequests, List<HostPort> hostPorts) {
  static final long DEFAULT_MILLI_CPU = 100;
  static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

  /** A port on the node: an empty IP binds them all, as upstream's HostPortInfo sanitizes it. */
  record HostPort(String ip, String protocol, int port) {
    static final String ANY_IP = "0.0.0.0";

    static HostPort of(ContainerPort p) {
      String ip = p.getHostIP() == null || p.getHostIP().isEmpty() ? ANY_IP : p.getHostIP();
      String protocol =
          p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
      return new HostPort(ip, protocol, p.getHostPort());
    }

    /** Same port and protocol, on the same IP or where either binds all of them. */
    boolean conflicts(HostPort o) {
      return port == o.port
          && protocol.equals(o.protocol)
          && (ip.equals(o.ip) || ip.equals(ANY_IP) || o.ip.equals(ANY_IP));
    }
  }

  static PodInfo of(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return new PodInfo(pod, ResourceAmounts.ZERO, ResourceAmounts.ZERO, List.of());
    }
    return new PodInfo(pod, requests(spec, false), requests(spec, true), hostPorts(spec));
  }

  String uid() {
    return pod.getMetadata().getUid();
  }

  String nodeName() {
    return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
  }

  int priority() {
    Integer p = pod.getSpec() == null ? null : pod.getSpec().getPriority();
    return p == null ? 0 : p;
  }

  private static ResourceAmounts requests(PodSpec spec, boolean nonZero) {
    ResourceAmounts reqs = ResourceAmounts.ZERO;
    for (Container c : list(spec.getContainers())) {
      reqs = reqs.plus(containerRequests(c, nonZero));
    }
    ResourceAmounts sidecars = ResourceAmounts.ZERO;
    ResourceAmounts init = ResourceAmounts.ZERO;
    for (Container c : list(spec.getInitContainers())) {
      ResourceAmounts r = containerRequests(c, nonZero);
      if ("Always".equals(c.getRestartPolicy())) {
        reqs = reqs.plus(r);
        sidecars = sidecars.plus(r);
        r = sidecars;
      } else {
        r = r.plus(sidecars);
      }
      init = init.max(r);
    }
    reqs = reqs.max(init);
    return reqs.plus(ResourceAmounts.of(spec.getOverhead()));
  }

  private static ResourceAmounts containerRequests(Container c, boolean nonZero) {
    Map<String, Quantity> requests =
        c.getResources() == null || c.getResources().getRequests() == null
            ? Map.of()
            : c.getResources().getRequests();
    ResourceAmounts r = ResourceAmounts.of(requests);
    if (!nonZero) {
      return r;
    }
    return new ResourceAmounts(
        requests.containsKey(ResourceAmounts.CPU) ? r.milliCpu() : DEFAULT_MILLI_CPU,
        requests.containsKey(ResourceAmounts.MEMORY) ? r.memory() : DEFAULT_MEMORY,
        r.ephemeralStorage(),
        new HashMap<>(r.scalar()));
  }

  private static List<HostPort> hostPorts(PodSpec spec) {
    List<HostPort> ports = new ArrayList<>();
    List<Container> containers = new ArrayList<>(list(spec.getContainers()));
    for (Container c : list(spec.getInitContainers())) {
      if ("Always".equals(c.getRestartPolicy())) {
        containers.add(c); // sidecars hold their ports for the pod's life
      }
    }
    for (Container c : containers) {
      for (ContainerPort p : list(c.getPorts())) {
        if (p.getHostPort() != null && p.getHostPort() > 0) {
          ports.add(HostPort.of(p));
        }
      }
    }
    return ports;
  }

  static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
