package io.vessel.server.registry.apps;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.apps.controllerrevision.ControllerRevisionTable;
import io.vessel.server.registry.apps.daemonset.DaemonSetStrategy;
import io.vessel.server.registry.apps.daemonset.DaemonSetTable;
import io.vessel.server.registry.apps.deployment.DeploymentStrategy;
import io.vessel.server.registry.apps.deployment.DeploymentTable;
import io.vessel.server.registry.apps.replicaset.ReplicaSetStrategy;
import io.vessel.server.registry.apps.replicaset.ReplicaSetTable;
import io.vessel.server.registry.apps.statefulset.StatefulSetStrategy;
import io.vessel.server.registry.apps.statefulset.StatefulSetTable;
import java.util.List;

/**
 * The apps/v1 resources, with the autoscaling/v1 {@code scale} subresource where upstream has it.
 */
public final class AppsResources {
  private AppsResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("apps", "v1", "controllerrevisions", "ControllerRevision")
            .model(ControllerRevision.class, BasicStrategy.plain(), new ControllerRevisionTable())
            .build(),
        ResourceDefinition.builder("apps", "v1", "daemonsets", "DaemonSet")
            .shortNames("ds")
            .categories("all")
            .status()
            .model(DaemonSet.class, new DaemonSetStrategy(), new DaemonSetTable())
            .build(),
        ResourceDefinition.builder("apps", "v1", "deployments", "Deployment")
            .shortNames("deploy")
            .categories("all")
            .scale()
            .status()
            .model(Deployment.class, new DeploymentStrategy(), new DeploymentTable())
            .build(),
        ResourceDefinition.builder("apps", "v1", "replicasets", "ReplicaSet")
            .shortNames("rs")
            .categories("all")
            .scale()
            .status()
            .model(ReplicaSet.class, new ReplicaSetStrategy(), new ReplicaSetTable())
            .field("status.replicas", "/status/replicas", "0")
            .build(),
        ResourceDefinition.builder("apps", "v1", "statefulsets", "StatefulSet")
            .shortNames("sts")
            .categories("all")
            .scale()
            .status()
            .model(StatefulSet.class, new StatefulSetStrategy(), new StatefulSetTable())
            .build());
  }
}
