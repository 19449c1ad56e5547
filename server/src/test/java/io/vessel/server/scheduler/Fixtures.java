package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Nodes and pods for the scheduler's pure tests. */
final class Fixtures {
  private Fixtures() {}

  /** A Ready node with this much allocatable cpu and memory and room for 110 pods. */
  static NodeBuilder node(String name, String cpu, String memory) {
    Map<String, Quantity> alloc = new LinkedHashMap<>();
    alloc.put("cpu", new Quantity(cpu));
    alloc.put("memory", new Quantity(memory));
    alloc.put("pods", new Quantity("110"));
    alloc.put("ephemeral-storage", new Quantity("10Gi"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withAllocatable(alloc)
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus();
  }

  static Container container(String cpu, String memory) {
    ContainerBuilder c = new ContainerBuilder().withName("c").withImage("busybox");
    Map<String, Quantity> req = new LinkedHashMap<>();
    if (cpu != null) {
      req.put("cpu", new Quantity(cpu));
    }
    if (memory != null) {
      req.put("memory", new Quantity(memory));
    }
    return c.withNewResources().withRequests(req).endResources().build();
  }

  /** A pending pod with one container asking for this cpu and memory (null: nothing). */
  static PodBuilder pod(String name, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec()
        .withSchedulerName("default-scheduler")
        .withPriority(0)
        .addToContainers(container(cpu, memory))
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .endStatus();
  }

  static PodInfo info(PodBuilder pod) {
    return PodInfo.of(pod.build());
  }

  static NodeInfo nodeInfo(Node node, Pod... placed) {
    NodeInfo info = new NodeInfo(node.getMetadata().getName());
    info.setNode(node);
    for (Pod p : placed) {
      info.add(PodInfo.of(p));
    }
    return info;
  }
}
