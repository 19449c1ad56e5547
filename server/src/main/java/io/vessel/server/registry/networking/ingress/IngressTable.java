package io.vessel.server.registry.networking.ingress;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** NAME, CLASS, HOSTS, ADDRESS, PORTS, AGE. */
public final class IngressTable implements TableConvertor<Ingress> {
  private static final int MAX_HOSTS = 3;
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Class", "The IngressClass that handles the ingress."),
          TableColumn.text("Hosts", "Hosts that requests are matched against."),
          TableColumn.text("Address", "The load balancer addresses of the ingress."),
          TableColumn.text("Ports", "The ports the ingress opens."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Ingress ing, Instant now) {
    IngressSpec spec = ing.getSpec() == null ? new IngressSpec() : ing.getSpec();
    boolean tls = spec.getTls() != null && !spec.getTls().isEmpty();
    return List.of(
        ing.getMetadata().getName(),
        TableCells.orNone(spec.getIngressClassName()),
        hosts(spec.getRules()),
        address(ing),
        tls ? "80, 443" : "80",
        Ages.of(ing, now));
  }

  /** The first three hosts, "*" when no rule names one. */
  static String hosts(List<IngressRule> rules) {
    if (rules == null) {
      return "*";
    }
    List<String> hosts = new ArrayList<>();
    for (IngressRule r : rules) {
      if (r.getHost() != null && !r.getHost().isEmpty()) {
        hosts.add(r.getHost());
      }
    }
    if (hosts.isEmpty()) {
      return "*";
    }
    String head = String.join(",", hosts.subList(0, Math.min(MAX_HOSTS, hosts.size())));
    return rules.size() > MAX_HOSTS ? head + " + " + (rules.size() - MAX_HOSTS) + " more..." : head;
  }

  private static String address(Ingress ing) {
    Set<String> out = new LinkedHashSet<>();
    var lb = ing.getStatus() == null ? null : ing.getStatus().getLoadBalancer();
    if (lb != null && lb.getIngress() != null) {
      for (IngressLoadBalancerIngress i : lb.getIngress()) {
        if (i.getIp() != null && !i.getIp().isEmpty()) {
          out.add(i.getIp());
        } else if (i.getHostname() != null && !i.getHostname().isEmpty()) {
          out.add(i.getHostname());
        }
      }
    }
    return String.join(",", out);
  }
}
