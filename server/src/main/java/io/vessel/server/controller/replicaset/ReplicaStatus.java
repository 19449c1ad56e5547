package io.vessel.server.controller.replicaset;

/**
 * The counts both replica kinds report, and the one failure condition.
 *
 * @param failure null when creates and deletes work; else the ReplicaFailure reason and message
 */
record ReplicaStatus(
    int replicas,
    int fullyLabeledReplicas,
    int readyReplicas,
    int availableReplicas,
    long observedGeneration,
    Failure failure) {

  record Failure(String reason, String message) {}
}
