package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.cri.v1.LinuxPodSandboxConfig;
import io.vessel.cri.v1.PodSandboxConfig;
import io.vessel.cri.v1.PodSandboxMetadata;
import io.vessel.cri.v1.PortMapping;
import io.vessel.cri.v1.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox a pod runs in: hostname, labels the agent finds it by, log directory, host ports and
 * the pod cgroup. Deterministic for a pod and attempt, because CreateContainer needs the same
 * config again.
 */
final class SandboxConfigs {
  private final AgentConfig agent;

  SandboxConfigs(AgentConfig agent) {
    this.agent = agent;
  }

  PodSandboxConfig build(Pod pod, int attempt) {
    var meta = pod.getMetadata();
    var labels = new HashMap<String, String>();
    if (meta.getLabels() != null) {
      labels.putAll(meta.getLabels());
    }
    labels.put(PodLabels.POD_NAME, meta.getName());
    labels.put(PodLabels.POD_NAMESPACE, meta.getNamespace());
    labels.put(PodLabels.POD_UID, meta.getUid());
    var builder =
        PodSandboxConfig.newBuilder()
            .setMetadata(
                PodSandboxMetadata.newBuilder()
                    .setName(meta.getName())
                    .setNamespace(meta.getNamespace())
                    .setUid(meta.getUid())
                    .setAttempt(attempt))
            .setHostname(hostname(pod))
            .setLogDirectory(
                agent.podLogDir(meta.getNamespace(), meta.getName(), meta.getUid()).toString())
            .putAllLabels(labels)
            .addAllPortMappings(portMappings(pod))
            // TODO(node-agent): DNS config (cluster DNS, dnsPolicy) #5; the runtime copies the
            // host's resolv.conf meanwhile
            .setLinux(LinuxPodSandboxConfig.newBuilder().setCgroupParent(cgroupParent(pod)));
    return builder.build();
  }

  /** The pod's hostname: spec.hostname, else its name, cut to 63 characters as upstream. */
  static String hostname(Pod pod) {
    String h = pod.getSpec().getHostname();
    if (h == null || h.isEmpty()) {
      h = pod.getMetadata().getName();
    }
    h = h.length() > 63 ? h.substring(0, 63) : h;
    return h.replaceAll("[-.]+$", "");
  }

  /**
   * The pod-level cgroup, as the kubelet's cgroupfs driver names it. containerd creates it but
   * never removes it: {@link PodCleanup} does.
   */
  static String cgroupParent(Pod pod) {
    String qos = pod.getStatus() == null ? null : pod.getStatus().getQosClass();
    String podCgroup = "pod" + pod.getMetadata().getUid();
    if ("Guaranteed".equals(qos)) {
      return "/kubepods/" + podCgroup;
    }
    return "/kubepods/" + ("Burstable".equals(qos) ? "burstable" : "besteffort") + "/" + podCgroup;
  }

  private static List<PortMapping> portMappings(Pod pod) {
    var mappings = new ArrayList<PortMapping>();
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getPorts() == null) {
        continue;
      }
      for (ContainerPort p : c.getPorts()) {
        if (p.getHostPort() == null || p.getHostPort() <= 0) {
          continue; // only host ports need the runtime; pod IPs reach every container port
        }
        mappings.add(
            PortMapping.newBuilder()
                .setContainerPort(p.getContainerPort())
                .setHostPort(p.getHostPort())
                .setHostIp(p.getHostIP() == null ? "" : p.getHostIP())
                .setProtocol(protocol(p.getProtocol()))
                .build());
      }
    }
    return mappings;
  }

  private static Protocol protocol(String protocol) {
    return protocol == null ? Protocol.TCP : Protocol.valueOf(protocol.toUpperCase(Locale.ROOT));
  }
}
