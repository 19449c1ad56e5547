package io.vessel.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog against kube-apiserver 1.33's recorded discovery, resource by resource. */
class BuiltinResourcesTest {
  private static final ResourceCatalog CATALOG = BuiltinResources.catalog();
  private static final String ALL = "create,delete,deletecollection,get,list,patch,update,watch";

  /** group, version, resource, kind, namespaced, verbs, shortNames, categories, subresources. */
  static Stream<Arguments> discovery() {
    return Stream.of(
        row("", "configmaps", "ConfigMap", true, ALL, "cm", "", ""),
        row("", "endpoints", "Endpoints", true, ALL, "ep", "", ""),
        row("", "events", "Event", true, ALL, "ev", "", ""),
        row("", "limitranges", "LimitRange", true, ALL, "limits", "", ""),
        row(
            "",
            "namespaces",
            "Namespace",
            false,
            "create,delete,get,list,patch,update,watch",
            "ns",
            "",
            "finalize,status"),
        row("", "nodes", "Node", false, ALL, "no", "", "status"),
        row("", "persistentvolumeclaims", "PersistentVolumeClaim", true, ALL, "pvc", "", "status"),
        row("", "persistentvolumes", "PersistentVolume", false, ALL, "pv", "", "status"),
        row("", "pods", "Pod", true, ALL, "po", "all", "attach,binding,exec,log,portforward,status"),
        row("", "podtemplates", "PodTemplate", true, ALL, "", "", ""),
        row(
            "",
            "replicationcontrollers",
            "ReplicationController",
            true,
            ALL,
            "rc",
            "all",
            "scale,status"),
        row("", "resourcequotas", "ResourceQuota", true, ALL, "quota", "", "status"),
        row("", "secrets", "Secret", true, ALL, "", "", ""),
        row("", "serviceaccounts", "ServiceAccount", true, ALL, "sa", "", ""),
        row("", "services", "Service", true, ALL, "svc", "all", "status"),
        row("apps/v1", "controllerrevisions", "ControllerRevision", true, ALL, "", "", ""),
        row("apps/v1", "daemonsets", "DaemonSet", true, ALL, "ds", "all", "status"),
        row("apps/v1", "deployments", "Deployment", true, ALL, "deploy", "all", "scale,status"),
        row("apps/v1", "replicasets", "ReplicaSet", true, ALL, "rs", "all", "scale,status"),
        row("apps/v1", "statefulsets", "StatefulSet", true, ALL, "sts", "all", "scale,status"),
        row(
            "autoscaling/v2",
            "horizontalpodautoscalers",
            "HorizontalPodAutoscaler",
            true,
            ALL,
            "hpa",
            "all",
            "status"),
        row(
            "autoscaling/v1",
            "horizontalpodautoscalers",
            "HorizontalPodAutoscaler",
            true,
            ALL,
            "hpa",
            "all",
            "status"),
        row("batch/v1", "cronjobs", "CronJob", true, ALL, "cj", "all", "status"),
        row("batch/v1", "jobs", "Job", true, ALL, "", "all", "status"),
        row("networking.k8s.io/v1", "ingressclasses", "IngressClass", false, ALL, "", "", ""),
        row("networking.k8s.io/v1", "ingresses", "Ingress", true, ALL, "ing", "", "status"),
        row(
            "networking.k8s.io/v1",
            "networkpolicies",
            "NetworkPolicy",
            true,
            ALL,
            "netpol",
            "",
            ""),
        row(
            "policy/v1",
            "poddisruptionbudgets",
            "PodDisruptionBudget",
            true,
            ALL,
            "pdb",
            "",
            "status"),
        row("rbac.authorization.k8s.io/v1", "roles", "Role", true, ALL, "", "", ""),
        row("rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding", true, ALL, "", "", ""),
        row("rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole", false, ALL, "", "", ""),
        row(
            "rbac.authorization.k8s.io/v1",
            "clusterrolebindings",
            "ClusterRoleBinding",
            false,
            ALL,
            "",
            "",
            ""),
        row("coordination.k8s.io/v1", "leases", "Lease", true, ALL, "", "", ""),
        row("discovery.k8s.io/v1", "endpointslices", "EndpointSlice", true, ALL, "", "", ""),
        row("events.k8s.io/v1", "events", "Event", true, ALL, "ev", "", ""),
        row("storage.k8s.io/v1", "storageclasses", "StorageClass", false, ALL, "sc", "", ""),
        row("storage.k8s.io/v1", "csidrivers", "CSIDriver", false, ALL, "", "", ""),
        row("storage.k8s.io/v1", "csinodes", "CSINode", false, ALL, "", "", ""),
        row(
            "storage.k8s.io/v1",
            "volumeattachments",
            "VolumeAttachment",
            false,
            ALL,
            "",
            "",
            "status"),
        row("scheduling.k8s.io/v1", "priorityclasses", "PriorityClass", false, ALL, "pc", "", ""),
        row("node.k8s.io/v1", "runtimeclasses", "RuntimeClass", false, ALL, "", "", ""),
        row(
            "certificates.k8s.io/v1",
            "certificatesigningrequests",
            "CertificateSigningRequest",
            false,
            ALL,
            "csr",
            "",
            "approval,status"),
        row(
            "admissionregistration.k8s.io/v1",
            "mutatingwebhookconfigurations",
            "MutatingWebhookConfiguration",
            false,
            ALL,
            "",
            "api-extensions",
            ""),
        row(
            "admissionregistration.k8s.io/v1",
            "validatingwebhookconfigurations",
            "ValidatingWebhookConfiguration",
            false,
            ALL,
            "",
            "api-extensions",
            ""),
        row(
            "apiextensions.k8s.io/v1",
            "customresourcedefinitions",
            "CustomResourceDefinition",
            false,
            ALL,
            "crd,crds",
            "api-extensions",
            "status"));
  }

  private static Arguments row(
      String groupVersion,
      String resource,
      String kind,
      boolean namespaced,
      String verbs,
      String shortNames,
      String categories,
      String subresources) {
    return arguments(
        groupVersion.isEmpty() ? "v1" : groupVersion,
        resource,
        kind,
        namespaced,
        split(verbs),
        split(shortNames),
        split(categories),
        split(subresources));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("discovery")
  @DisplayName("catalog, built-in resource, matches kube-apiserver 1.33 discovery")
  void matchesDiscovery(
      String groupVersion,
      String resource,
      String kind,
      boolean namespaced,
      List<String> verbs,
      List<String> shortNames,
      List<String> categories,
      List<String> subresources) {
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = groupVersion.substring(slash + 1);

    ResourceDefinition d = CATALOG.lookup(group, version, resource).orElseThrow();

    assertThat(d.kind()).isEqualTo(kind);
    assertThat(d.namespaced()).isEqualTo(namespaced);
    assertThat(d.verbs()).isEqualTo(verbs);
    assertThat(d.shortNames()).isEqualTo(shortNames);
    assertThat(d.categories()).isEqualTo(categories);
    assertThat(d.subresources())
        .extracting(Subresource::name)
        .containsExactlyInAnyOrderElementsOf(subresources);
    assertThat(d.singular())
        .isEqualTo(resource.equals("endpoints") ? "endpoints" : kind.toLowerCase());
    assertThat(d.type()).isNotNull();
    assertThat(d.strategy()).isNotNull();
    assertThat(d.table()).isNotNull();
  }

  @Test
  @DisplayName("catalog, scale subresources, name autoscaling/v1 Scale")
  void scaleKind() {
    assertThat(CATALOG.all())
        .flatExtracting(ResourceDefinition::subresources)
        .filteredOn(s -> s.name().equals("scale"))
        .hasSize(4)
        .allSatisfy(
            s -> {
              assertThat(s.group()).isEqualTo("autoscaling");
              assertThat(s.version()).isEqualTo("v1");
              assertThat(s.kind()).isEqualTo("Scale");
              assertThat(s.foreignKind()).isTrue();
            });
  }

  @Test
  @DisplayName("catalog, autoscaling group, prefers v2 and stores both versions together")
  void autoscalingVersions() {
    assertThat(CATALOG.groups().get("autoscaling")).containsExactly("v2", "v1");
    String v1 =
        CATALOG
            .lookup("autoscaling", "v1", "horizontalpodautoscalers")
            .orElseThrow()
            .storageResource();
    String v2 =
        CATALOG
            .lookup("autoscaling", "v2", "horizontalpodautoscalers")
            .orElseThrow()
            .storageResource();
    assertThat(v1).isEqualTo(v2).isEqualTo("autoscaling/horizontalpodautoscalers");
    assertThat(CATALOG.lookup("events.k8s.io", "v1", "events").orElseThrow().storageResource())
        .isEqualTo("events");
  }

  @Test
  @DisplayName("catalog, every group-version, lists each resource once")
  void unique() {
    assertThat(CATALOG.all())
        .extracting(d -> d.group() + "/" + d.version() + "/" + d.resource())
        .doesNotHaveDuplicates();
  }

  private static List<String> split(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }
}
