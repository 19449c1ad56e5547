package io.vessel.server.registry.core.service;

import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.HashSet;
import java.util.Set;

/** What a Service's type asks of the server, as upstream's needsClusterIP / needsNodePort. */
final class ServiceTypes {
  private ServiceTypes() {}

  static boolean needsClusterIp(ServiceSpec spec) {
    return spec != null && !"ExternalName".equals(spec.getType());
  }

  static boolean headless(ServiceSpec spec) {
    return spec != null && "None".equals(spec.getClusterIP());
  }

  static boolean needsNodePorts(ServiceSpec spec) {
    if (spec == null) {
      return false;
    }
    return "NodePort".equals(spec.getType())
        || ("LoadBalancer".equals(spec.getType())
            && !Boolean.FALSE.equals(spec.getAllocateLoadBalancerNodePorts()));
  }

  static Set<Long> nodePorts(ServiceSpec spec) {
    Set<Long> ports = new HashSet<>();
    if (spec != null && spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() != null && p.getNodePort() != 0) {
          ports.add((long) p.getNodePort());
        }
      }
    }
    return ports;
  }
}
