package io.vessel.agent;

/** The labels the kubelet puts on sandboxes and containers, by which it finds them again. */
final class PodLabels {
  static final String POD_NAME = "io.kubernetes.pod.name";
  static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";
  static final String POD_UID = "io.kubernetes.pod.uid";
  static final String CONTAINER_NAME = "io.kubernetes.container.name";

  private PodLabels() {}
}
