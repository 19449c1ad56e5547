package io.vessel.server.http.openapi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fabric8 classes cannot tell: which fields upstream marks required, how lists merge under
 * server-side apply ({@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys}) and which
 * structs are atomic ({@code x-kubernetes-map-type}). These are facts of the Go types ({@code
 * +required}, {@code +listType}, {@code +mapType} markers), kept here for the types kubectl users
 * meet most; a type not listed simply goes without them.
 */
final class KnownFieldFacts {
  private static final String CORE = "io.k8s.api.core.v1.";
  private static final String META = SchemaNames.META + ".";
  private static final String APPS = "io.k8s.api.apps.v1.";
  private static final String BATCH = "io.k8s.api.batch.v1.";
  private static final String RBAC = "io.k8s.api.rbac.v1.";
  private static final String NETWORKING = "io.k8s.api.networking.v1.";
  private static final String DISCOVERY = "io.k8s.api.discovery.v1.";
  private static final String AUTOSCALING = "io.k8s.api.autoscaling.v1.";

  /** How a list property merges; {@code keys} only for {@code map} lists. */
  record ListType(String type, List<String> keys) {}

  /** Facts of one definition. */
  record TypeFacts(List<String> required, String mapType, Map<String, ListType> lists) {
    static final TypeFacts NONE = new TypeFacts(List.of(), null, Map.of());
  }

  private static final Map<String, TypeFacts> FACTS = new HashMap<>();

  static {
    // meta/v1
    type(META + "ObjectMeta")
        .set("finalizers")
        .atomic("managedFields")
        .map("ownerReferences", "uid");
    type(META + "OwnerReference").required("apiVersion", "kind", "name", "uid").atomicStruct();
    type(META + "LabelSelector").atomicStruct().atomic("matchExpressions");
    type(META + "LabelSelectorRequirement").required("key", "operator").atomic("values");
    type(META + "Condition").required("type", "status", "lastTransitionTime", "reason", "message");
    type(META + "StatusDetails").atomic("causes");
    type(META + "APIResourceList").required("groupVersion", "resources").atomic("resources");
    type(META + "APIResource")
        .required("name", "singularName", "namespaced", "kind", "verbs")
        .atomic("shortNames", "categories");
    type(META + "WatchEvent").required("type", "object");
    // core/v1: pods and containers
    type(CORE + "PodSpec")
        .required("containers")
        .map("containers", "name")
        .map("initContainers", "name")
        .map("ephemeralContainers", "name")
        .map("volumes", "name")
        .map("imagePullSecrets", "name")
        .map("hostAliases", "ip")
        .map("topologySpreadConstraints", "topologyKey", "whenUnsatisfiable")
        .map("schedulingGates", "name")
        .map("resourceClaims", "name")
        .atomic("tolerations", "readinessGates");
    for (String container : List.of("Container", "EphemeralContainer")) {
      type(CORE + container)
          .required("name")
          .map("ports", "containerPort", "protocol")
          .map("env", "name")
          .map("volumeMounts", "mountPath")
          .map("volumeDevices", "devicePath")
          .atomic("command", "args", "envFrom", "resizePolicy");
    }
    type(CORE + "ContainerPort").required("containerPort");
    type(CORE + "EnvVar").required("name");
    type(CORE + "Volume").required("name");
    type(CORE + "VolumeMount").required("name", "mountPath");
    type(CORE + "VolumeDevice").required("name", "devicePath");
    type(CORE + "KeyToPath").required("key", "path");
    type(CORE + "DownwardAPIVolumeFile").required("path");
    type(CORE + "SecretVolumeSource").atomic("items");
    type(CORE + "ConfigMapVolumeSource").atomic("items");
    type(CORE + "PodStatus")
        .map("conditions", "type")
        .map("podIPs", "ip")
        .map("hostIPs", "ip")
        .atomic("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses");
    type(CORE + "PodCondition").required("type", "status");
    type(CORE + "PodIP").required("ip");
    type(CORE + "HostIP").required("ip");
    type(CORE + "ContainerStatus").required("name", "ready", "restartCount", "image", "imageID");
    type(CORE + "Capabilities").atomic("add", "drop");
    type(CORE + "Sysctl").required("name", "value");
    type(CORE + "HTTPGetAction").required("port").atomic("httpHeaders");
    type(CORE + "HTTPHeader").required("name", "value");
    type(CORE + "TCPSocketAction").required("port");
    type(CORE + "GRPCAction").required("port");
    type(CORE + "ExecAction").atomic("command");
    type(CORE + "NodeSelector")
        .required("nodeSelectorTerms")
        .atomicStruct()
        .atomic("nodeSelectorTerms");
    type(CORE + "NodeSelectorTerm").atomicStruct().atomic("matchExpressions", "matchFields");
    type(CORE + "NodeSelectorRequirement").required("key", "operator").atomic("values");
    type(CORE + "PreferredSchedulingTerm").required("weight", "preference");
    type(CORE + "PodAffinityTerm").required("topologyKey").atomic("namespaces");
    type(CORE + "WeightedPodAffinityTerm").required("weight", "podAffinityTerm");
    type(CORE + "TopologySpreadConstraint").required("maxSkew", "topologyKey", "whenUnsatisfiable");
    type(CORE + "ObjectReference").atomicStruct();
    type(CORE + "LocalObjectReference").atomicStruct();
    type(CORE + "ConfigMapKeySelector").required("key").atomicStruct();
    type(CORE + "SecretKeySelector").required("key").atomicStruct();
    type(CORE + "ObjectFieldSelector").required("fieldPath").atomicStruct();
    type(CORE + "ResourceFieldSelector").required("resource").atomicStruct();
    type(CORE + "PersistentVolumeClaimSpec").atomic("accessModes");
    // core/v1: services, namespaces, nodes, others
    type(CORE + "ServiceSpec")
        .map("ports", "port", "protocol")
        .atomic("externalIPs", "clusterIPs", "ipFamilies", "loadBalancerSourceRanges");
    type(CORE + "ServicePort").required("port");
    type(CORE + "ServiceStatus").map("conditions", "type");
    type(CORE + "LoadBalancerStatus").atomic("ingress");
    type(CORE + "NamespaceSpec").atomic("finalizers");
    type(CORE + "NamespaceStatus").map("conditions", "type");
    type(CORE + "NamespaceCondition").required("type", "status");
    type(CORE + "NodeSpec").atomic("taints").set("podCIDRs");
    type(CORE + "NodeStatus")
        .map("conditions", "type")
        .map("addresses", "type")
        .atomic("images", "volumesInUse", "volumesAttached");
    type(CORE + "NodeCondition").required("type", "status");
    type(CORE + "NodeAddress").required("type", "address");
    type(CORE + "Taint").required("key", "effect");
    type(CORE + "EndpointSubset").atomic("addresses", "notReadyAddresses", "ports");
    type(CORE + "EndpointAddress").required("ip").atomicStruct();
    type(CORE + "EndpointPort").required("port").atomicStruct();
    type(CORE + "ServiceAccount").map("secrets", "name").atomic("imagePullSecrets");
    type(CORE + "Event").required("metadata", "involvedObject");
    // apps/v1
    for (String workload : List.of("Deployment", "StatefulSet", "DaemonSet")) {
      type(APPS + workload + "Spec").required("selector", "template");
      type(APPS + workload + "Status").map("conditions", "type");
      type(APPS + workload + "Condition").required("type", "status");
    }
    type(APPS + "StatefulSetSpec").atomic("volumeClaimTemplates");
    type(APPS + "ReplicaSetSpec").required("selector");
    type(APPS + "ReplicaSetStatus").required("replicas").map("conditions", "type");
    type(APPS + "ReplicaSetCondition").required("type", "status");
    type(APPS + "ControllerRevision").required("revision");
    // batch/v1
    type(BATCH + "JobSpec").required("template");
    type(BATCH + "JobStatus").atomic("conditions");
    type(BATCH + "JobCondition").required("type", "status");
    type(BATCH + "CronJobSpec").required("schedule", "jobTemplate");
    type(BATCH + "CronJobStatus").atomic("active");
    // rbac/v1
    type(RBAC + "PolicyRule")
        .required("verbs")
        .atomic("verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs");
    type(RBAC + "Role").atomic("rules");
    type(RBAC + "ClusterRole").atomic("rules");
    type(RBAC + "RoleBinding").required("roleRef").atomic("subjects");
    type(RBAC + "ClusterRoleBinding").required("roleRef").atomic("subjects");
    type(RBAC + "Subject").required("kind", "name").atomicStruct();
    type(RBAC + "RoleRef").required("apiGroup", "kind", "name").atomicStruct();
    // networking, discovery, autoscaling
    type(NETWORKING + "IngressSpec").atomic("rules", "tls");
    type(NETWORKING + "HTTPIngressRuleValue").required("paths").atomic("paths");
    type(NETWORKING + "HTTPIngressPath").required("pathType", "backend");
    type(NETWORKING + "IngressServiceBackend").required("name");
    type(NETWORKING + "IngressTLS").atomic("hosts");
    type(NETWORKING + "NetworkPolicySpec").atomic("ingress", "egress", "policyTypes");
    type(DISCOVERY + "EndpointSlice")
        .required("addressType", "endpoints")
        .atomic("endpoints", "ports");
    type(DISCOVERY + "Endpoint").required("addresses").set("addresses");
    type(AUTOSCALING + "ScaleStatus").required("replicas");
    type(AUTOSCALING + "CrossVersionObjectReference").required("kind", "name").atomicStruct();
  }

  private KnownFieldFacts() {}

  /** The facts of a definition, {@link TypeFacts#NONE} when none are known. */
  static TypeFacts of(String definition) {
    return FACTS.getOrDefault(definition, TypeFacts.NONE);
  }

  private static Builder type(String definition) {
    return new Builder(definition);
  }

  /** Adds to a definition's facts; every call stores the result at once. */
  private static final class Builder {
    private final String definition;

    Builder(String definition) {
      this.definition = definition;
    }

    Builder required(String... fields) {
      TypeFacts f = of(definition);
      return store(new TypeFacts(List.of(fields), f.mapType(), f.lists()));
    }

    Builder atomicStruct() {
      TypeFacts f = of(definition);
      return store(new TypeFacts(f.required(), "atomic", f.lists()));
    }

    Builder atomic(String... fields) {
      for (String field : fields) {
        list(field, new ListType("atomic", List.of()));
      }
      return this;
    }

    Builder set(String field) {
      return list(field, new ListType("set", List.of()));
    }

    Builder map(String field, String... keys) {
      return list(field, new ListType("map", List.of(keys)));
    }

    private Builder list(String field, ListType type) {
      TypeFacts f = of(definition);
      Map<String, ListType> lists = new LinkedHashMap<>(f.lists());
      lists.put(field, type);
      return store(new TypeFacts(f.required(), f.mapType(), Map.copyOf(lists)));
    }

    private Builder store(TypeFacts facts) {
      FACTS.put(definition, facts);
      return this;
    }
  }
}
