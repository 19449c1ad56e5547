package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Amounts of schedulable resources in the units the scheduler compares them in, as upstream's
 * {@code framework.Resource}: cpu in millicores, memory and ephemeral storage in bytes, extended
 * and hugepages resources as integers, each quantity rounded up. Immutable.
 */
record ResourceAmounts(long milliCpu, long memory, long ephemeralStorage, Map<String, Long> scalar) {
  static final ResourceAmounts ZERO = new ResourceAmounts(0, 0, 0, Map.of());

  static final String CPU = "cpu";
  static final String MEMORY = "memory";
  static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  static final String PODS = "pods";

  ResourceAmounts {
    scalar = Map.copyOf(scalar);
  }

  /** The amounts of a ResourceList; {@code pods} and unknown names are left out. */
  static ResourceAmounts of(Map<String, Quantity> list) {
    if (list == null || list.isEmpty()) {
      return ZERO;
    }
    long cpu = 0;
    long memory = 0;
    long ephemeral = 0;
    Map<String, Long> scalar = new HashMap<>();
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      switch (e.getKey()) {
        case CPU -> cpu = milli(e.getValue());
        case MEMORY -> memory = value(e.getValue());
        case EPHEMERAL_STORAGE -> ephemeral = value(e.getValue());
        case PODS -> {}
        default -> {
          if (isScalar(e.getKey())) {
            scalar.put(e.getKey(), value(e.getValue()));
          }
        }
      }
    }
    return new ResourceAmounts(cpu, memory, ephemeral, scalar);
  }

  /**
   * Upstream's IsScalarResourceName: extended and prefixed native resources (any name with a
   * domain, but for quota's {@code requests.}), hugepages and attachable volumes.
   */
  static boolean isScalar(String name) {
    return name.startsWith("hugepages-")
        || name.startsWith("attachable-volumes-")
        || (name.indexOf('/') > 0 && !name.startsWith("requests."));
  }

  ResourceAmounts plus(ResourceAmounts o) {
    Map<String, Long> s = new HashMap<>(scalar);
    o.scalar.forEach((k, v) -> s.merge(k, v, Long::sum));
    return new ResourceAmounts(
        milliCpu + o.milliCpu, memory + o.memory, ephemeralStorage + o.ephemeralStorage, s);
  }

  ResourceAmounts minus(ResourceAmounts o) {
    Map<String, Long> s = new HashMap<>(scalar);
    o.scalar.forEach((k, v) -> s.merge(k, -v, Long::sum));
    return new ResourceAmounts(
        milliCpu - o.milliCpu, memory - o.memory, ephemeralStorage - o.ephemeralStorage, s);
  }

  /** Per resource, the larger of the two. */
  ResourceAmounts max(ResourceAmounts o) {
    Map<String, Long> s = new HashMap<>(scalar);
    o.scalar.forEach((k, v) -> s.merge(k, v, Math::max));
    return new ResourceAmounts(
        Math.max(milliCpu, o.milliCpu),
        Math.max(memory, o.memory),
        Math.max(ephemeralStorage, o.ephemeralStorage),
        s);
  }

  long scalar(String name) {
    return scalar.getOrDefault(name, 0L);
  }

  boolean isZero() {
    return milliCpu == 0
        && memory == 0
        && ephemeralStorage == 0
        && scalar.values().stream().allMatch(v -> v == 0);
  }

  /** A quantity in thousandths, rounded up (Quantity.MilliValue). */
  static long milli(Quantity q) {
    return amount(q).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** A quantity as an integer, rounded up (Quantity.Value). */
  static long value(Quantity q) {
    return amount(q).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static BigDecimal amount(Quantity q) {
    return q == null ? BigDecimal.ZERO : q.getNumericalAmount();
  }
}
