package io.vessel.server.controller.quota;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a namespace uses of the resources a ResourceQuota can limit, as upstream's quota
 * evaluators count them: pods that are not finished (with their containers' requests and limits,
 * each init container on its own, the larger of the two, plus overhead), services (and their
 * NodePorts and LoadBalancers), PVCs and their requested storage, and object counts.
 */
final class QuotaUsage {
  private final Map<String, BigDecimal> used = new HashMap<>();

  Map<String, BigDecimal> amounts() {
    return used;
  }

  void count(String resource, int n) {
    add(resource, BigDecimal.valueOf(n));
  }

  void pods(List<Pod> pods) {
    int live = 0;
    for (Pod pod : pods) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        continue;
      }
      live++;
      for (String kind : List.of("requests", "limits")) {
        Map<String, BigDecimal> sum = podAmounts(pod, kind);
        sum.forEach((name, amount) -> {
          add(kind + "." + name, amount);
          if (kind.equals("requests") && (name.equals("cpu") || name.equals("memory") || name.equals("ephemeral-storage"))) {
            add(name, amount); // the bare names are the requests
          }
        });
      }
    }
    count("pods", live);
    count("count/pods", live);
  }

  void services(List<Service> services) {
    int nodePorts = 0;
    int loadBalancers = 0;
    for (Service s : services) {
      String type = s.getSpec() == null ? null : s.getSpec().getType();
      if ("LoadBalancer".equals(type)) {
        loadBalancers++;
      }
      if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
        nodePorts += s.getSpec().getPorts() == null ? 0 : s.getSpec().getPorts().size();
      }
    }
    count("services", services.size());
    count("count/services", services.size());
    count("services.nodeports", nodePorts);
    count("services.loadbalancers", loadBalancers);
  }

  void claims(List<PersistentVolumeClaim> claims) {
    count("persistentvolumeclaims", claims.size());
    count("count/persistentvolumeclaims", claims.size());
    add("requests.storage", BigDecimal.ZERO);
    for (PersistentVolumeClaim c : claims) {
      var r = c.getSpec() == null ? null : c.getSpec().getResources();
      Quantity storage = r == null || r.getRequests() == null ? null : r.getRequests().get("storage");
      if (storage != null) {
        add("requests.storage", Quantity.getAmountInBytes(storage));
      }
    }
  }

  private static Map<String, BigDecimal> podAmounts(Pod pod, String kind) {
    Map<String, BigDecimal> sum = new HashMap<>();
    var spec = pod.getSpec();
    for (Container c : spec.getContainers() == null ? List.<Container>of() : spec.getContainers()) {
      amounts(c, kind).forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
    }
    for (Container c : spec.getInitContainers() == null ? List.<Container>of() : spec.getInitContainers()) {
      amounts(c, kind).forEach((k, v) -> sum.merge(k, v, BigDecimal::max));
    }
    if (spec.getOverhead() != null) {
      spec.getOverhead().forEach((k, v) -> sum.merge(k, Quantity.getAmountInBytes(v), BigDecimal::add));
    }
    return sum;
  }

  private static Map<String, BigDecimal> amounts(Container c, String kind) {
    var r = c.getResources();
    Map<String, Quantity> q = r == null ? null : kind.equals("requests") ? r.getRequests() : r.getLimits();
    Map<String, BigDecimal> out = new HashMap<>();
    if (q != null) {
      q.forEach((k, v) -> out.put(k, Quantity.getAmountInBytes(v)));
    }
    return out;
  }

  private void add(String resource, BigDecimal amount) {
    used.merge(resource, amount, BigDecimal::add);
  }
}
