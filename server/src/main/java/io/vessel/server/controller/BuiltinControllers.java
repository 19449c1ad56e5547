package io.vessel.server.controller;

import io.vessel.server.controller.cronjob.CronJobController;
import io.vessel.server.controller.daemonset.DaemonSetController;
import io.vessel.server.controller.deployment.DeploymentController;
import io.vessel.server.controller.endpoints.EndpointSliceController;
import io.vessel.server.controller.endpoints.EndpointsController;
import io.vessel.server.controller.gc.GarbageCollector;
import io.vessel.server.controller.job.JobController;
import io.vessel.server.controller.job.TtlAfterFinishedController;
import io.vessel.server.controller.nodelifecycle.NodeLifecycleController;
import io.vessel.server.controller.replicaset.ReplicaController;
import io.vessel.server.controller.quota.ResourceQuotaController;
import io.vessel.server.controller.serviceaccount.NamespaceDefaultsController;
import io.vessel.server.controller.statefulset.StatefulSetController;
import io.vessel.server.scheduler.Scheduler;

/** Which loops the controller manager and the scheduler run. */
final class BuiltinControllers {
  private final String caPem;

  BuiltinControllers(String caPem) {
    this.caPem = caPem;
  }

  void add(Loops loops) {
    NamespaceDefaultsController.register(loops, caPem);
    ResourceQuotaController.register(loops);
    ReplicaController.registerReplicaSets(loops);
    ReplicaController.registerReplicationControllers(loops);
    DeploymentController.register(loops);
    StatefulSetController.register(loops);
    DaemonSetController.register(loops);
    NodeLifecycleController.register(loops);
    JobController.register(loops);
    TtlAfterFinishedController.register(loops);
    CronJobController.register(loops);
    GarbageCollector.register(loops);
    EndpointsController.register(loops);
    EndpointSliceController.register(loops);
  }

  void addScheduler(Loops loops) {
    Scheduler.register(loops);
  }
}
