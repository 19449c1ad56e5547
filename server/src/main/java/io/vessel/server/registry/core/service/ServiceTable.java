package io.vessel.server.registry.core.service;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), AGE (+ SELECTOR wide), as kube-apiserver prints. */
public final class ServiceTable implements TableConvertor<Service> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Type", "The type of the service."),
          TableColumn.text("Cluster-IP", "The cluster IP of the service."),
          TableColumn.text("External-IP", "The external IP addresses of the service."),
          TableColumn.text("Port(s)", "The ports the service exposes."),
          TableColumn.ageColumn(),
          TableColumn.wide("Selector", "The label selector of the service's pods."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Service svc, Instant now) {
    ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
    String type = spec.getType() == null ? "" : spec.getType();
    String clusterIp = spec.getClusterIP() == null || spec.getClusterIP().isEmpty() ? "<none>" : spec.getClusterIP();
    return List.of(
        svc.getMetadata().getName(),
        type,
        clusterIp,
        externalIp(svc, spec, type),
        ports(spec),
        Ages.of(svc, now),
        selector(spec.getSelector()));
  }

  private static String externalIp(Service svc, ServiceSpec spec, String type) {
    List<String> ips = new ArrayList<>();
    if (spec.getExternalIPs() != null) {
      ips.addAll(spec.getExternalIPs());
    }
    switch (type) {
      case "ExternalName":
        return spec.getExternalName() == null ? "<none>" : spec.getExternalName();
      case "LoadBalancer":
        if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
            && svc.getStatus().getLoadBalancer().getIngress() != null) {
          for (LoadBalancerIngress in : svc.getStatus().getLoadBalancer().getIngress()) {
            ips.add(in.getIp() != null ? in.getIp() : in.getHostname());
          }
        }
        return ips.isEmpty() ? "<pending>" : String.join(",", ips);
      default:
        return ips.isEmpty() ? "<none>" : String.join(",", ips);
    }
  }

  private static String ports(ServiceSpec spec) {
    if (spec.getPorts() == null || spec.getPorts().isEmpty()) {
      return "<none>";
    }
    List<String> out = new ArrayList<>();
    for (ServicePort p : spec.getPorts()) {
      String s = String.valueOf(p.getPort());
      if (p.getNodePort() != null && p.getNodePort() > 0) {
        s += ":" + p.getNodePort();
      }
      out.add(s + "/" + p.getProtocol());
    }
    return String.join(",", out);
  }

  static String selector(Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(selector).entrySet()) {
      parts.add(e.getKey() + "=" + e.getValue());
    }
    return String.join(",", parts);
  }
}
