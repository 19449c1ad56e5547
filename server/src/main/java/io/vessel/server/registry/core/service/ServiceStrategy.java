package io.vessel.server.registry.core.service;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.Strategy;
import java.util.List;

/**
 * Service rules: DNS-1035 names, the spec defaults kube-apiserver applies (type, session
 * affinity, port protocol and targetPort), and the checks on ports and type. ClusterIP and
 * NodePort allocation belong to the controllers issue and are not done here yet.
 */
public final class ServiceStrategy implements Strategy<Service> {
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
    applyDefaults(svc);
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
    if (oldIp != null && !oldIp.isEmpty() && !oldIp.equals(newIp)) {
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
      if (ports.size() > 1 && (p.getName() == null || p.getName().isEmpty())) {
        errors.required(path + ".name", "");
      }
    }
  }
}
