package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node as the scheduler counts it: its allocatable resources and the pods placed on it (bound
 * ones the informer shows, and assumed ones whose binding it has not shown yet), with their
 * summed requests. A node the informer does not know yet (pods name it) has no Node object and
 * fits nothing.
 *
 * <p>Threading: owned by its {@link AssumeCache}, whose lock guards every access.
 */
final class NodeInfo {
  private final String name;
  private Node node;
  private ResourceAmounts allocatable = ResourceAmounts.ZERO;
  private long allowedPods;
  private final Map<String, PodInfo> pods = new LinkedHashMap<>();
  private ResourceAmounts requested = ResourceAmounts.ZERO;
  private ResourceAmounts nonZeroRequested = ResourceAmounts.ZERO;

  NodeInfo(String name) {
    this.name = name;
  }

  /** A node with these pods on it, for tests and benchmarks. */
  static NodeInfo of(Node node, PodInfo... placed) {
    NodeInfo info = new NodeInfo(node.getMetadata().getName());
    info.setNode(node);
    for (PodInfo p : placed) {
      info.add(p);
    }
    return info;
  }

  void setNode(Node node) {
    this.node = node;
    Map<String, Quantity> alloc =
        node == null || node.getStatus() == null ? null : node.getStatus().getAllocatable();
    allocatable = ResourceAmounts.of(alloc);
    Quantity pods = alloc == null ? null : alloc.get(ResourceAmounts.PODS);
    allowedPods = pods == null ? 0 : ResourceAmounts.value(pods);
  }

  void add(PodInfo pod) {
    PodInfo old = pods.put(pod.uid(), pod);
    if (old != null) {
      subtract(old);
    }
    requested = requested.plus(pod.requests());
    nonZeroRequested = nonZeroRequested.plus(pod.nonZeroRequests());
  }

  void remove(String uid) {
    PodInfo old = pods.remove(uid);
    if (old != null) {
      subtract(old);
    }
  }

  private void subtract(PodInfo old) {
    requested = requested.minus(old.requests());
    nonZeroRequested = nonZeroRequested.minus(old.nonZeroRequests());
  }

  String name() {
    return name;
  }

  /** The Node object, or null when only pods have named this node so far. */
  Node node() {
    return node;
  }

  ResourceAmounts allocatable() {
    return allocatable;
  }

  long allowedPods() {
    return allowedPods;
  }

  ResourceAmounts requested() {
    return requested;
  }

  ResourceAmounts nonZeroRequested() {
    return nonZeroRequested;
  }

  int podCount() {
    return pods.size();
  }

  Collection<PodInfo> pods() {
    return Collections.unmodifiableCollection(pods.values());
  }

  boolean isEmpty() {
    return node == null && pods.isEmpty();
  }

  /** The host ports the pods here hold. */
  List<PodInfo.HostPort> usedPorts() {
    return pods.values().stream().flatMap(p -> p.hostPorts().stream()).toList();
  }
}
