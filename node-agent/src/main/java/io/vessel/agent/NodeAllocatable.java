package io.vessel.agent;

/**
 * What this node offers pods, which stands in for a container's unset limits when its environment
 * or downward API asks for them (as the kubelet does).
 */
record NodeAllocatable(long cpuMilli, long memoryBytes, long ephemeralStorageBytes) {

  static NodeAllocatable of(HostFacts host) {
    return new NodeAllocatable(host.cpus() * 1000L, host.memoryBytes(), host.ephemeralStorageBytes());
  }
}
