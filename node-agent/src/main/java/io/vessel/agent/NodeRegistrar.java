package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.cri.RuntimeVersion;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates this machine's Node, or brings an existing one up to date: labels, capacity and
 * allocatable, addresses and nodeInfo. Conditions are {@link NodeStatusReporter}'s.
 */
final class NodeRegistrar {
  static final String KUBELET_VERSION = "v1.33.0-vessel";
  static final String MAX_PODS = "110";
  private static final Logger LOG = LoggerFactory.getLogger(NodeRegistrar.class);

  private final ApiClient api;
  private final String nodeName;
  private final HostFacts host;
  private final RuntimeVersion runtime;
  private final int kubeletPort;

  /** @param kubeletPort the kubelet API's bound port, for {@code daemonEndpoints} */
  NodeRegistrar(
      ApiClient api, String nodeName, HostFacts host, RuntimeVersion runtime, int kubeletPort) {
    this.api = api;
    this.nodeName = nodeName;
    this.host = host;
    this.runtime = runtime;
    this.kubeletPort = kubeletPort;
  }

  /** Blocks until the Node exists with this machine's facts; returns it. */
  Node register() {
    Node node;
    try {
      node = Blocking.await(api.create(Resources.NODES, desiredNode()));
      LOG.info("registered node {}", nodeName);
    } catch (ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
      node =
          Blocking.await(
              api.mergePatch(
                  Resources.NODES,
                  null,
                  nodeName,
                  "",
                  Map.of("metadata", Map.of("labels", labels()))));
      LOG.info("node {} already registered; updated", nodeName);
    }
    return Blocking.await(
        api.mergePatch(Resources.NODES, null, nodeName, "status", Map.of("status", status())));
  }

  Node desiredNode() {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(nodeName)
        .withLabels(labels())
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withStatus(status())
        .build();
  }

  Map<String, String> labels() {
    return Map.of(
        "kubernetes.io/hostname", nodeName,
        "kubernetes.io/os", "linux",
        "kubernetes.io/arch", host.architecture(),
        "beta.kubernetes.io/os", "linux",
        "beta.kubernetes.io/arch", host.architecture());
  }

  NodeStatus status() {
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity(Integer.toString(host.cpus())),
            "memory", new Quantity(host.memoryBytes() / 1024 + "Ki"),
            "ephemeral-storage", new Quantity(host.ephemeralStorageBytes() / 1024 + "Ki"),
            "pods", new Quantity(MAX_PODS));
    return new NodeStatusBuilder()
        .withCapacity(capacity)
        // no system or kube reservations yet: everything is allocatable
        .withAllocatable(capacity)
        .withAddresses(
            List.of(
                new NodeAddress(host.internalIp(), "InternalIP"),
                new NodeAddress(host.hostname(), "Hostname")))
        .withNodeInfo(
            new NodeSystemInfoBuilder()
                .withArchitecture(host.architecture())
                .withOperatingSystem("linux")
                .withOsImage(host.osImage())
                .withKernelVersion(host.kernelVersion())
                .withContainerRuntimeVersion(runtime.containerRuntimeVersion())
                .withKubeletVersion(KUBELET_VERSION)
                .withKubeProxyVersion("")
                .withMachineID(host.machineId())
                .withBootID(host.bootId())
                .withSystemUUID(host.machineId())
                .build())
        .withNewDaemonEndpoints()
        .withNewKubeletEndpoint()
        // the API server dials this port to proxy logs; status reports patch only conditions,
        // so it stays until the next registration
        .withPort(kubeletPort)
        .endKubeletEndpoint()
        .endDaemonEndpoints()
        .build();
  }
}
