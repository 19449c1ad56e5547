package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A container's resource as {@code valueFrom.resourceFieldRef} exposes it: the request or limit
 * divided by the divisor (default 1) and rounded up; an unset limit is the node's allocatable.
 */
final class ResourceFields {
  private ResourceFields() {}

  static String value(
      Pod pod, Container self, ResourceFieldSelector ref, NodeAllocatable node) {
    Container container = self;
    if (ref.getContainerName() != null && !ref.getContainerName().isEmpty()) {
      container =
          Stream.concat(
                  pod.getSpec().getContainers().stream(),
                  pod.getSpec().getInitContainers() == null
                      ? Stream.empty()
                      : pod.getSpec().getInitContainers().stream())
              .filter(c -> c.getName().equals(ref.getContainerName()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "resourceFieldRef: container " + ref.getContainerName() + " not found"));
    }
    String resource = ref.getResource();
    int dot = resource.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("unsupported container resource : " + resource);
    }
    String kind = resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    if (!kind.equals("limits") && !kind.equals("requests")) {
      throw new IllegalArgumentException("unsupported container resource : " + resource);
    }
    var r = container.getResources();
    Map<String, Quantity> values =
        r == null ? null : kind.equals("limits") ? r.getLimits() : r.getRequests();
    Quantity divisor = ref.getDivisor() == null ? new Quantity("1") : ref.getDivisor();
    BigDecimal amount;
    Quantity set = values == null ? null : values.get(name);
    switch (name) {
      case "cpu" -> {
        BigDecimal milli =
            set != null
                ? milli(set)
                : kind.equals("limits") ? BigDecimal.valueOf(node.cpuMilli()) : BigDecimal.ZERO;
        amount = divideUp(milli, milli(divisor));
      }
      case "memory", "ephemeral-storage" -> {
        long fallback = name.equals("memory") ? node.memoryBytes() : node.ephemeralStorageBytes();
        BigDecimal bytes =
            set != null
                ? Quantity.getAmountInBytes(set)
                : kind.equals("limits") ? BigDecimal.valueOf(fallback) : BigDecimal.ZERO;
        amount = divideUp(bytes, Quantity.getAmountInBytes(divisor));
      }
      default -> throw new IllegalArgumentException("unsupported container resource : " + resource);
    }
    return amount.toPlainString();
  }

  private static BigDecimal milli(Quantity q) {
    return Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1000));
  }

  private static BigDecimal divideUp(BigDecimal value, BigDecimal divisor) {
    if (divisor.signum() <= 0) {
      throw new IllegalArgumentException("resourceFieldRef: divisor must be positive");
    }
    return value.divide(divisor, 0, RoundingMode.CEILING);
  }
}
