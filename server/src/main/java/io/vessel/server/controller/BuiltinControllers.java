package io.vessel.server.controller;

import io.vessel.server.controller.deployment.DeploymentController;
import io.vessel.server.controller.endpoints.EndpointSliceController;
import io.vessel.server.controller.endpoints.EndpointsController;
import io.vessel.server.controller.replicaset.ReplicaController;
import io.vessel.server.controller.serviceaccount.NamespaceDefaultsController;

/** Which loops the controller manager and the scheduler run. */
final class BuiltinControllers {
  private final String caPem;

  BuiltinControllers(String caPem) {
    this.caPem = caPem;
  }

  void add(Loops loops) {
    NamespaceDefaultsController.register(loops, caPem);
    ReplicaController.registerReplicaSets(loops);
    ReplicaController.registerReplicationControllers(loops);
    DeploymentController.register(loops);
    EndpointsController.register(loops);
    EndpointSliceController.register(loops);
  }

  void addScheduler(Loops loops) {}
}
