package io.vessel.kit.client;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

/** The built-in kinds the loops read and write. */
public final class Resources {
  private Resources() {}

  public static final ResourceType<Namespace> NAMESPACES = core("namespaces", "Namespace", false, Namespace.class);
  public static final ResourceType<Node> NODES = core("nodes", "Node", false, Node.class);
  public static final ResourceType<Pod> PODS = core("pods", "Pod", true, Pod.class);
  public static final ResourceType<Service> SERVICES = core("services", "Service", true, Service.class);
  public static final ResourceType<Endpoints> ENDPOINTS = core("endpoints", "Endpoints", true, Endpoints.class);
  public static final ResourceType<ConfigMap> CONFIG_MAPS = core("configmaps", "ConfigMap", true, ConfigMap.class);
  public static final ResourceType<Secret> SECRETS = core("secrets", "Secret", true, Secret.class);
  public static final ResourceType<ServiceAccount> SERVICE_ACCOUNTS =
      core("serviceaccounts", "ServiceAccount", true, ServiceAccount.class);
  public static final ResourceType<Event> EVENTS = core("events", "Event", true, Event.class);
  public static final ResourceType<ResourceQuota> RESOURCE_QUOTAS =
      core("resourcequotas", "ResourceQuota", true, ResourceQuota.class);
  public static final ResourceType<PersistentVolumeClaim> PERSISTENT_VOLUME_CLAIMS =
      core("persistentvolumeclaims", "PersistentVolumeClaim", true, PersistentVolumeClaim.class);
  public static final ResourceType<ReplicationController> REPLICATION_CONTROLLERS =
      core("replicationcontrollers", "ReplicationController", true, ReplicationController.class);

  public static final ResourceType<ReplicaSet> REPLICA_SETS = apps("replicasets", "ReplicaSet", ReplicaSet.class);
  public static final ResourceType<Deployment> DEPLOYMENTS = apps("deployments", "Deployment", Deployment.class);
  public static final ResourceType<StatefulSet> STATEFUL_SETS = apps("statefulsets", "StatefulSet", StatefulSet.class);
  public static final ResourceType<DaemonSet> DAEMON_SETS = apps("daemonsets", "DaemonSet", DaemonSet.class);
  public static final ResourceType<ControllerRevision> CONTROLLER_REVISIONS =
      apps("controllerrevisions", "ControllerRevision", ControllerRevision.class);

  public static final ResourceType<Job> JOBS =
      new ResourceType<>("batch", "v1", "jobs", "Job", true, Job.class);
  public static final ResourceType<CronJob> CRON_JOBS =
      new ResourceType<>("batch", "v1", "cronjobs", "CronJob", true, CronJob.class);
  public static final ResourceType<Lease> LEASES =
      new ResourceType<>("coordination.k8s.io", "v1", "leases", "Lease", true, Lease.class);
  public static final ResourceType<EndpointSlice> ENDPOINT_SLICES =
      new ResourceType<>("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, EndpointSlice.class);

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> ResourceType<T> core(
      String plural, String kind, boolean namespaced, Class<T> type) {
    return new ResourceType<>("", "v1", plural, kind, namespaced, type);
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> ResourceType<T> apps(
      String plural, String kind, Class<T> type) {
    return new ResourceType<>("apps", "v1", plural, kind, true, type);
  }
}
