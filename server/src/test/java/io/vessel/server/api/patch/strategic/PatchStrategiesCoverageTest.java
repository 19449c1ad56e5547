package io.vessel.server.api.patch.strategic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.vessel.server.registry.BuiltinResources;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The table against every {@code patchStrategy} tag upstream declares, for each model class the
 * served kinds reach: a kind added to the server whose types carry tags fails here until the table
 * has them.
 */
class PatchStrategiesCoverageTest {

  /**
   * Every tag of the GA group versions of kubernetes/api at commit 10b39a39 ({@code resource/v1}
   * left out: not served), apimachinery's ObjectMeta and apiextensions' JSONSchemaProps, as {@code
   * GoStruct.jsonField strategy [mergeKey]}.
   */
  private static final String UPSTREAM_TAGS =
      """
      VolumeHealthStatus.healthConditions merge status
      PodVolumeHealth.healthConditions merge status
      PersistentVolumeClaimStatus.conditions merge type
      Container.ports merge containerPort
      Container.env merge name
      Container.volumeMounts merge mountPath
      Container.volumeDevices merge devicePath
      ContainerStatus.volumeMounts merge mountPath
      ContainerStatus.allocatedResourcesStatus merge name
      PodSpec.volumes merge,retainKeys name
      PodSpec.initContainers merge name
      PodSpec.containers merge name
      PodSpec.ephemeralContainers merge name
      PodSpec.imagePullSecrets merge name
      PodSpec.hostAliases merge ip
      PodSpec.topologySpreadConstraints merge topologyKey
      PodSpec.schedulingGates merge name
      PodSpec.resourceClaims merge,retainKeys name
      PodSpec.evictionResponders merge name
      EphemeralContainerCommon.ports merge containerPort
      EphemeralContainerCommon.env merge name
      EphemeralContainerCommon.volumeMounts merge mountPath
      EphemeralContainerCommon.volumeDevices merge devicePath
      PodStatus.conditions merge type
      PodStatus.hostIPs merge ip
      PodStatus.podIPs merge ip
      PodStatus.resourceClaimStatuses merge,retainKeys name
      PodStatus.nodeAllocatableResourceClaimStatuses merge resourceClaimName
      ReplicationControllerStatus.conditions merge type
      ServiceStatus.conditions merge type
      ServiceSpec.ports merge port
      ServiceAccount.secrets merge name
      NodeSpec.podCIDRs merge
      NodeStatus.conditions merge type
      NodeStatus.addresses merge type
      NamespaceStatus.conditions merge type
      ComponentStatus.conditions merge type
      NodeAllocatableResourceClaimStatus.mapping merge name
      NodeAllocatableResourceClaimStatus.overhead merge name
      StatefulSetStatus.conditions merge type
      DeploymentSpec.strategy retainKeys
      DeploymentStatus.conditions merge type
      DaemonSetStatus.conditions merge type
      ReplicaSetStatus.conditions merge type
      JobSchedulingConfiguration.resourceClaims merge name
      JobStatus.conditions merge type
      HorizontalPodAutoscalerStatus.conditions merge type
      ServiceCIDRStatus.conditions merge type
      PodDisruptionBudgetSpec.selector replace
      PodDisruptionBudgetStatus.conditions merge type
      CSINodeSpec.drivers merge name
      CSINodeStatus.storageHealth merge name
      PodCertificateRequestStatus.conditions merge type
      FlowSchemaStatus.conditions merge type
      PriorityLevelConfigurationStatus.conditions merge type
      ValidatingAdmissionPolicySpec.matchConditions merge name
      ValidatingAdmissionPolicySpec.variables merge name
      ValidatingWebhookConfiguration.webhooks merge name
      MutatingWebhookConfiguration.webhooks merge name
      ValidatingWebhook.matchConditions merge name
      MutatingWebhook.matchConditions merge name
      MutatingAdmissionPolicySpec.matchConditions merge name
      StorageVersionMigrationStatus.conditions merge type
      ObjectMeta.finalizers merge
      ObjectMeta.ownerReferences merge uid
      JSONSchemaProps.x-kubernetes-validations merge rule
      """;

  @Test
  @DisplayName("of, every field of every served kind's model classes, matches the upstream tags")
  void coversServedKinds() {
    var upstream = upstreamTags();
    var expected = new TreeMap<String, String>();
    var actual = new TreeMap<String, String>();
    for (var type : reachableFromServedKinds()) {
      var goStruct =
          type == EphemeralContainer.class ? "EphemeralContainerCommon" : type.getSimpleName();
      for (var field : ModelShape.fields(type).keySet()) {
        var where = type.getName() + "." + field;
        var tag = upstream.get(goStruct + "." + field);
        if (tag != null) {
          expected.put(where, tag);
        }
        PatchStrategies.of(type, field)
            .ifPresent(s -> actual.put(where, (s.tag() + " " + s.mergeKey()).strip()));
      }
    }

    assertThat(actual).isEqualTo(expected);
    // Pods, deployments, services, nodes, webhooks, CSINodes, PDBs, CRDs and more are served.
    assertThat(expected).hasSizeGreaterThan(40);
  }

  private static Map<String, String> upstreamTags() {
    var tags = new HashMap<String, String>();
    UPSTREAM_TAGS
        .lines()
        .map(String::strip)
        .forEach(
            line -> {
              var space = line.indexOf(' ');
              tags.put(line.substring(0, space), line.substring(space + 1));
            });
    return tags;
  }

  private static Set<Class<?>> reachableFromServedKinds() {
    var seen = new LinkedHashSet<Class<?>>();
    for (var def : BuiltinResources.catalog().all()) {
      visit(def.type(), seen);
    }
    return seen;
  }

  private static void visit(Class<?> type, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (var shape : ModelShape.fields(type).values()) {
      var s = shape;
      while (s.kind() == ModelShape.Kind.LIST || s.kind() == ModelShape.Kind.MAP) {
        s = s.element();
      }
      if (s.kind() == ModelShape.Kind.STRUCT) {
        visit(s.type(), seen);
      }
    }
  }
}
