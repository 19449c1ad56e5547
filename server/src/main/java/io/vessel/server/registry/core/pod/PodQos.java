package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The QoS class the apiserver records in {@code status.qosClass} on create: BestEffort without any
 * cpu or memory request or limit, Guaranteed when every container limits both and the summed
 * requests equal the summed limits, Burstable otherwise.
 */
public final class PodQos {
  private static final Set<String> COMPUTE = Set.of("cpu", "memory");

  private PodQos() {}

  public static String of(PodSpec spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>(PodSpecDefaults.list(spec.getContainers()));
    all.addAll(PodSpecDefaults.list(spec.getInitContainers()));
    for (Container c : all) {
      var resources = c.getResources();
      Map<String, Quantity> req = resources == null ? null : resources.getRequests();
      Map<String, Quantity> lim = resources == null ? null : resources.getLimits();
      add(requests, req);
      int found = add(limits, lim);
      if (found < COMPUTE.size()) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> r : requests.entrySet()) {
        BigDecimal l = limits.get(r.getKey());
        if (l == null || l.compareTo(r.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
  }

  /** Adds the non-zero cpu and memory amounts; returns how many of the two were present. */
  private static int add(Map<String, BigDecimal> sum, Map<String, Quantity> amounts) {
    if (amounts == null) {
      return 0;
    }
    int found = 0;
    for (String name : COMPUTE) {
      Quantity q = amounts.get(name);
      if (q == null) {
        continue;
      }
      BigDecimal v = amount(q);
      if (v.signum() != 0) {
        sum.merge(name, v, BigDecimal::add);
        found++;
      }
    }
    return found;
  }

  private static BigDecimal amount(Quantity q) {
    try {
      return q.getNumericalAmount();
    } catch (RuntimeException e) {
      return BigDecimal.ZERO;
    }
  }
}
