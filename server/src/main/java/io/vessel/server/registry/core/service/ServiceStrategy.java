package io.vessel.server.registry.core.service;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.Allocations;
import io.vessel.server.registry.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * Service rules: DNS-1035 names, the spec defaults kube-apiserver applies (type, session
 * affinity, port protocol and targetPort, IP families), the checks on ports, type and clusterIP,
 * and on update what upstream's service REST does before allocation: allocated values the
 * request left out are kept, and values the new type no longer needs are dropped (released).
 * Allocation itself is {@link ServiceAllocations}.
 */
public final class ServiceStrategy implements Strategy<Service> {
  private final ServiceAllocations allocations;

  public ServiceStrategy(ServiceAllocations allocations) {
    this.allocations = allocations;
  }

  public ServiceStrategy() {
    this(new ServiceAllocations());
  }

  @Override
  public Allocations<Service> allocations() {
    return allocations;
  }

  private static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  @Override
  public NameRule nameRule() {
    return NameRule.DNS1035_LABEL;
  }

  @Override
  public void prepareForCreate(Service svc) {
    applyDefaults(svc);
    svc.setStatus(new ServiceStatus(List.of(), new LoadBalancerStatus()));
  }

  /** kube-apiserver defaults every decoded object, so ports added by an update get them too. */
  @Override
  public void prepareForUpdate(Service svc, Service old) {
    if (svc.getSpec() != null && old.getSpec() != null) {
      keepAllocatedValues(svc.getSpec(), old.getSpec());
      dropTypeDependentFields(svc.getSpec(), old.getSpec());
    }
    applyDefaults(svc);
  }

  /** Upstream's patchAllocatedValues: a PUT that leaves out clusterIP or nodePorts keeps them. */
  private static void keepAllocatedValues(ServiceSpec spec, ServiceSpec old) {
    if (ServiceTypes.needsClusterIp(old) && ServiceTypes.needsClusterIp(spec)) {
      if (isEmpty(spec.getClusterIP())) {
        spec.setClusterIP(old.getClusterIP());
        if (spec.getClusterIPs() == null || spec.getClusterIPs().isEmpty()) {
          spec.setClusterIPs(old.getClusterIPs());
        }
      }
      if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
        spec.setIpFamilies(old.getIpFamilies());
      }
      if (spec.getIpFamilyPolicy() == null) {
        spec.setIpFamilyPolicy(old.getIpFamilyPolicy());
      }
    }
    if (ServiceTypes.needsNodePorts(old)
        && ServiceTypes.needsNodePorts(spec)
        && spec.getPorts() != null
        && old.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() != null && p.getNodePort() != 0) {
          continue;
        }
        for (ServicePort o : old.getPorts()) {
          // Runs before defaulting: an unset protocol is TCP.
          String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
          if (Objects.equals(o.getPort(), p.getPort())
              && Objects.equals(o.getProtocol(), protocol)) {
            p.setNodePort(o.getNodePort());
          }
        }
      }
    }
  }

  /**
   * Upstream's dropTypeDependentFields: a type change that no longer needs a clusterIP or node
   * ports clears them, when the request left them as they were; storing the Service without
   * them releases them.
   */
  private static void dropTypeDependentFields(ServiceSpec spec, ServiceSpec old) {
    if (ServiceTypes.needsClusterIp(old)
        && !ServiceTypes.needsClusterIp(spec)
        && Objects.equals(spec.getClusterIP(), old.getClusterIP())) {
      spec.setClusterIP(null);
      spec.setClusterIPs(null);
      spec.setIpFamilies(null);
      spec.setIpFamilyPolicy(null);
    }
    if (ServiceTypes.needsNodePorts(old)
        && !ServiceTypes.needsNodePorts(spec)
        && ServiceTypes.nodePorts(spec).equals(ServiceTypes.nodePorts(old))
        && spec.getPorts() != null) {
      spec.getPorts().forEach(p -> p.setNodePort(null));
    }
    if (!"LoadBalancer".equals(spec.getType()) && "LoadBalancer".equals(old.getType())) {
      spec.setAllocateLoadBalancerNodePorts(null);
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static void applyDefaults(Service svc) {
    ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
    if (spec.getType() == null) {
      spec.setType("ClusterIP");
    }
    if (spec.getSessionAffinity() == null) {
      spec.setSessionAffinity("None");
    }
    if (spec.getInternalTrafficPolicy() == null && !"ExternalName".equals(spec.getType())) {
      spec.setInternalTrafficPolicy("Cluster");
    }
    if ("LoadBalancer".equals(spec.getType()) && spec.getAllocateLoadBalancerNodePorts() == null) {
      spec.setAllocateLoadBalancerNodePorts(true);
    }
    if (ServiceTypes.needsClusterIp(spec)) {
      if (isEmpty(spec.getClusterIP())
          && spec.getClusterIPs() != null
          && !spec.getClusterIPs().isEmpty()) {
        spec.setClusterIP(spec.getClusterIPs().get(0));
      }
      boolean selectorless = spec.getSelector() == null || spec.getSelector().isEmpty();
      if (ServiceTypes.headless(spec)) {
        spec.setClusterIPs(List.of("None"));
      }
      // Headless without a selector defaults to dual-stack families, as upstream's
      // initIPFamilyFields; everything else is single-stack IPv4, the one family served.
      if (spec.getIpFamilyPolicy() == null) {
        spec.setIpFamilyPolicy(
            ServiceTypes.headless(spec) && selectorless ? "RequireDualStack" : "SingleStack");
      }
      if (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty()) {
        spec.setIpFamilies(
            ServiceTypes.headless(spec) && selectorless
                ? List.of("IPv4", "IPv6")
                : List.of("IPv4"));
      }
    }
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getProtocol() == null) {
          p.setProtocol("TCP");
        }
        if (p.getTargetPort() == null && p.getPort() != null) {
          p.setTargetPort(new IntOrString(p.getPort()));
        }
      }
    }
    svc.setSpec(spec);
  }

  @Override
  public void validate(Service svc, FieldErrors errors) {
    validateSpec(svc.getSpec(), errors);
  }

  @Override
  public void validateUpdate(Service svc, Service old, FieldErrors errors) {
    validateSpec(svc.getSpec(), errors);
    String oldIp = old.getSpec() == null ? null : old.getSpec().getClusterIP();
    String newIp = svc.getSpec() == null ? null : svc.getSpec().getClusterIP();
    if (ServiceTypes.needsClusterIp(old.getSpec())
        && ServiceTypes.needsClusterIp(svc.getSpec())
        && !isEmpty(oldIp)
        && !oldIp.equals(newIp)) {
      errors.immutable("spec.clusterIPs[0]", newIp == null ? "" : newIp);
    }
  }

  private static void validateSpec(ServiceSpec spec, FieldErrors errors) {
    if (spec == null) {
      errors.required("spec.ports", "");
      return;
    }
    if (spec.getType() == null || !Enums.contains(TYPES, spec.getType())) {
      errors.notSupported("spec.type", spec.getType(), TYPES);
    }
    boolean headless = "None".equals(spec.getClusterIP());
    String ip = spec.getClusterIP();
    if (!isEmpty(ip) && !headless) {
      if ("ExternalName".equals(spec.getType())) {
        errors.forbidden("spec.clusterIPs", "must be empty for ExternalName services");
      } else if (ServiceIpRange.parseIp(ip) < 0) {
        errors.invalid(
            "spec.clusterIPs[0]",
            ip,
            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
      }
    }
    boolean nodePorts = ServiceTypes.needsNodePorts(spec);
    List<ServicePort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
    if (ports.isEmpty() && !"ExternalName".equals(spec.getType()) && !headless) {
      errors.required("spec.ports", "");
    }
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      String path = "spec.ports[" + i + "]";
      if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
        errors.invalid(path + ".port", p.getPort(), "must be between 1 and 65535, inclusive");
      }
      if (p.getProtocol() == null || !Enums.contains(PROTOCOLS, p.getProtocol())) {
        errors.notSupported(path + ".protocol", p.getProtocol(), PROTOCOLS);
      }
      if (!nodePorts && p.getNodePort() != null && p.getNodePort() != 0) {
        errors.forbidden(
            path + ".nodePort", "may not be used when `type` is '" + spec.getType() + "'");
      }
      if (ports.size() > 1 && (p.getName() == null || p.getName().isEmpty())) {
        errors.required(path + ".name", "");
      }
    }
  }
}
