package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.UUID;

/** Pods for the agent's tests. */
final class TestPods {
  static final String BUSYBOX = "docker.io/library/busybox:1.36";

  private TestPods() {}

  static Container container(String name) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(BUSYBOX)
        .withImagePullPolicy("IfNotPresent")
        .withCommand("sh", "-c", "sleep 3600")
        .build();
  }

  static Pod pod(String name, String restartPolicy, List<Container> inits, Container... containers) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-a")
        .withRestartPolicy(restartPolicy)
        .withInitContainers(inits)
        .withContainers(containers)
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .withQosClass("BestEffort")
        .endStatus()
        .build();
  }

  static Pod pod(String name, Container... containers) {
    return pod(name, "Always", List.of(), containers);
  }

  static Pod withStatus(Pod pod, PodStatus status) {
    return new PodBuilder(pod).withStatus(status).build();
  }
}
