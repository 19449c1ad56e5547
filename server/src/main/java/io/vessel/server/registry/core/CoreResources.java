package io.vessel.server.registry.core;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.DefaultTable;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.core.configmap.ConfigMapStrategy;
import io.vessel.server.registry.core.configmap.ConfigMapTable;
import io.vessel.server.registry.core.endpoints.EndpointsStrategy;
import io.vessel.server.registry.core.endpoints.EndpointsTable;
import io.vessel.server.registry.core.event.EventStrategy;
import io.vessel.server.registry.core.event.EventTable;
import io.vessel.server.registry.core.limitrange.LimitRangeStrategy;
import io.vessel.server.registry.core.namespace.NamespaceStrategy;
import io.vessel.server.registry.core.namespace.NamespaceTable;
import io.vessel.server.registry.core.node.NodeStrategy;
import io.vessel.server.registry.core.node.NodeTable;
import io.vessel.server.registry.core.persistentvolume.PersistentVolumeStrategy;
import io.vessel.server.registry.core.persistentvolume.PersistentVolumeTable;
import io.vessel.server.registry.core.persistentvolumeclaim.PersistentVolumeClaimStrategy;
import io.vessel.server.registry.core.persistentvolumeclaim.PersistentVolumeClaimTable;
import io.vessel.server.registry.core.pod.PodStrategy;
import io.vessel.server.registry.core.pod.PodTable;
import io.vessel.server.registry.core.podtemplate.PodTemplateStrategy;
import io.vessel.server.registry.core.podtemplate.PodTemplateTable;
import io.vessel.server.registry.core.replicationcontroller.ReplicationControllerStrategy;
import io.vessel.server.registry.core.replicationcontroller.ReplicationControllerTable;
import io.vessel.server.registry.core.resourcequota.ResourceQuotaTable;
import io.vessel.server.registry.core.secret.SecretStrategy;
import io.vessel.server.registry.core.secret.SecretTable;
import io.vessel.server.registry.core.service.ServiceStrategy;
import io.vessel.server.registry.core.service.ServiceTable;
import io.vessel.server.registry.core.serviceaccount.ServiceAccountTable;
import java.util.List;

/**
 * The core group's (v1) resources as kube-apiserver 1.33's discovery lists them. Not yet served:
 * the legacy {@code bindings} collection, componentstatuses and the pod, node, service and
 * service-account subresources that proxy, stream or mint tokens (later issues).
 */
public final class CoreResources {
  private CoreResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("", "v1", "configmaps", "ConfigMap")
            .shortNames("cm")
            .model(ConfigMap.class, new ConfigMapStrategy(), new ConfigMapTable())
            .build(),
        ResourceDefinition.builder("", "v1", "endpoints", "Endpoints")
            .singular("endpoints")
            .shortNames("ep")
            .model(Endpoints.class, new EndpointsStrategy(), new EndpointsTable())
            .build(),
        ResourceDefinition.builder("", "v1", "events", "Event")
            .shortNames("ev")
            .model(Event.class, new EventStrategy(), new EventTable())
            .field("involvedObject.kind", "/involvedObject/kind")
            .field("involvedObject.namespace", "/involvedObject/namespace")
            .field("involvedObject.name", "/involvedObject/name")
            .field("involvedObject.uid", "/involvedObject/uid")
            .field("involvedObject.apiVersion", "/involvedObject/apiVersion")
            .field("involvedObject.resourceVersion", "/involvedObject/resourceVersion")
            .field("involvedObject.fieldPath", "/involvedObject/fieldPath")
            .field("reason", "/reason")
            .field("reportingComponent", "/reportingComponent")
            .fieldFirstOf("source", "/source/component", "/reportingComponent")
            .field("type", "/type")
            .build(),
        ResourceDefinition.builder("", "v1", "limitranges", "LimitRange")
            .shortNames("limits")
            .model(LimitRange.class, new LimitRangeStrategy(), new DefaultTable<>())
            .build(),
        ResourceDefinition.builder("", "v1", "namespaces", "Namespace")
            .clusterScoped()
            .shortNames("ns")
            .verbs("create", "delete", "get", "list", "patch", "update", "watch")
            .subresource("finalize", "Namespace", "update")
            .status()
            .model(Namespace.class, new NamespaceStrategy(), new NamespaceTable())
            .field("status.phase", "/status/phase")
            .build(),
        ResourceDefinition.builder("", "v1", "nodes", "Node")
            .clusterScoped()
            .shortNames("no")
            .status()
            .model(Node.class, new NodeStrategy(), new NodeTable())
            .field("spec.unschedulable", "/spec/unschedulable", "false")
            .build(),
        ResourceDefinition.builder("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim")
            .shortNames("pvc")
            .status()
            .model(
                PersistentVolumeClaim.class,
                new PersistentVolumeClaimStrategy(),
                new PersistentVolumeClaimTable())
            .build(),
        ResourceDefinition.builder("", "v1", "persistentvolumes", "PersistentVolume")
            .clusterScoped()
            .shortNames("pv")
            .status()
            .model(
                PersistentVolume.class, new PersistentVolumeStrategy(), new PersistentVolumeTable())
            .build(),
        ResourceDefinition.builder("", "v1", "pods", "Pod")
            .shortNames("po")
            .categories("all")
            .subresource("binding", "Binding", "create")
            .subresource("log", "Pod", "get")
            .subresource("exec", "PodExecOptions", "create", "get")
            .subresource("attach", "PodAttachOptions", "create", "get")
            .subresource("portforward", "PodPortForwardOptions", "create", "get")
            .status()
            .model(Pod.class, new PodStrategy(), new PodTable())
            .field("spec.nodeName", "/spec/nodeName")
            .field("spec.restartPolicy", "/spec/restartPolicy")
            .field("spec.schedulerName", "/spec/schedulerName")
            .field("spec.serviceAccountName", "/spec/serviceAccountName")
            .field("spec.hostNetwork", "/spec/hostNetwork", "false")
            .field("status.phase", "/status/phase")
            .fieldFirstOf("status.podIP", "/status/podIPs/0/ip", "/status/podIP")
            .field("status.nominatedNodeName", "/status/nominatedNodeName")
            .build(),
        ResourceDefinition.builder("", "v1", "podtemplates", "PodTemplate")
            .model(PodTemplate.class, new PodTemplateStrategy(), new PodTemplateTable())
            .build(),
        ResourceDefinition.builder("", "v1", "replicationcontrollers", "ReplicationController")
            .shortNames("rc")
            .categories("all")
            .scale()
            .status()
            .model(
                ReplicationController.class,
                new ReplicationControllerStrategy(),
                new ReplicationControllerTable())
            .field("status.replicas", "/status/replicas", "0")
            .build(),
        ResourceDefinition.builder("", "v1", "resourcequotas", "ResourceQuota")
            .shortNames("quota")
            .status()
            .model(ResourceQuota.class, BasicStrategy.withStatus(), new ResourceQuotaTable())
            .build(),
        ResourceDefinition.builder("", "v1", "secrets", "Secret")
            .model(Secret.class, new SecretStrategy(), new SecretTable())
            .field("type", "/type")
            .build(),
        ResourceDefinition.builder("", "v1", "serviceaccounts", "ServiceAccount")
            .shortNames("sa")
            .model(ServiceAccount.class, BasicStrategy.plain(), new ServiceAccountTable())
            .build(),
        ResourceDefinition.builder("", "v1", "services", "Service")
            .shortNames("svc")
            .categories("all")
            .status()
            .model(Service.class, new ServiceStrategy(), new ServiceTable())
            .field("spec.clusterIP", "/spec/clusterIP")
            .field("spec.type", "/spec/type")
            .build());
  }
}
