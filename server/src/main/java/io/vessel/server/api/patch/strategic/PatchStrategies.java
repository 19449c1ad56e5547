package io.vessel.server.api.patch.strategic;

import io.fabric8.kubernetes.api.model.ComponentStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.NodeAllocatableResourceClaimStatus;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodVolumeHealth;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.VolumeHealthStatus;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingAdmissionPolicySpec;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicySpec;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobSchedulingConfiguration;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.certificates.v1.PodCertificateRequestStatus;
import io.fabric8.kubernetes.api.model.flowcontrol.v1.FlowSchemaStatus;
import io.fabric8.kubernetes.api.model.flowcontrol.v1.PriorityLevelConfigurationStatus;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceCIDRStatus;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.fabric8.kubernetes.api.model.storage.CSINodeSpec;
import io.fabric8.kubernetes.api.model.storage.CSINodeStatus;
import io.fabric8.kubernetes.api.model.storagemigration.v1.StorageVersionMigrationStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The strategic-merge-patch strategies and merge keys of the built-in kinds, keyed by fabric8 model
 * class and JSON field name (first deliverable of the strategic merge patch work; the engine in
 * {@link StrategicMergePatch} and the OpenAPI documents' {@code x-kubernetes-patch-strategy} /
 * {@code x-kubernetes-patch-merge-key} both read it).
 *
 * <p>The table restates the {@code patchStrategy} and {@code patchMergeKey} struct tags of
 * kubernetes/api at commit {@code 10b39a39} (the GA group versions: {@code core/v1}, {@code
 * apps/v1}, {@code batch/v1}, {@code autoscaling/v2}, {@code networking/v1}, {@code policy/v1},
 * {@code storage/v1}, {@code certificates/v1}, {@code flowcontrol/v1}, {@code
 * admissionregistration/v1}, {@code storagemigration/v1}), of apimachinery {@code
 * meta/v1.ObjectMeta} and of apiextensions-apiserver {@code apiextensions/v1.JSONSchemaProps}.
 * Group versions without any tag ({@code rbac/v1}, {@code coordination/v1}, {@code discovery/v1},
 * {@code events/v1}, {@code node/v1}, {@code scheduling/v1}, {@code autoscaling/v1}) have no
 * entries; neither has {@code resource/v1}, which is not served. A field absent from the table has
 * no strategy: strategic merge patch replaces its lists whole and merges its objects.
 *
 * <p>Some fields that look mergeable are deliberately atomic upstream and so absent here: {@code
 * PodSpec.tolerations}, {@code Container.envFrom}, {@code Container.command}/{@code args}, {@code
 * DaemonSetSpec.updateStrategy}, {@code NamespaceSpec.finalizers}, every {@code managedFields}.
 *
 * <p>The entries are checked against the model when the class loads: each owner must have the JSON
 * field (by its {@code @JsonProperty} name) and each merge key must be a field of the list's
 * element class, so a fabric8 upgrade that renames something fails loudly instead of patching
 * wrongly. The table is immutable and safe to read from any thread.
 */
public final class PatchStrategies {

  private static final String MERGE = "merge";
  private static final String MERGE_RETAIN_KEYS = "merge,retainKeys";
  private static final String RETAIN_KEYS = "retainKeys";
  private static final String REPLACE = "replace";

  private static final Map<Class<?>, Map<String, FieldStrategy>> TABLE = build();

  private PatchStrategies() {}

  /**
   * The strategy of {@code jsonField} in model class {@code owner}; empty when the upstream field
   * carries no {@code patchStrategy} tag or is not a field of {@code owner}.
   */
  public static Optional<FieldStrategy> of(Class<?> owner, String jsonField) {
    var fields = TABLE.get(owner);
    return fields == null ? Optional.empty() : Optional.ofNullable(fields.get(jsonField));
  }

  /**
   * Every field with a strategy, by owner class and then JSON field name; for generators that walk
   * the whole table.
   */
  public static Map<Class<?>, Map<String, FieldStrategy>> all() {
    return TABLE;
  }

  private static Map<Class<?>, Map<String, FieldStrategy>> build() {
    var table = new Table();
    meta(table);
    coreWorkloads(table);
    coreOther(table);
    groups(table);
    return table.freeze();
  }

  private static void meta(Table t) {
    t.add(ObjectMeta.class, "finalizers", MERGE, "");
    t.add(ObjectMeta.class, "ownerReferences", MERGE, "uid");
  }

  private static void coreWorkloads(Table t) {
    t.add(PodSpec.class, "volumes", MERGE_RETAIN_KEYS, "name");
    t.add(PodSpec.class, "initContainers", MERGE, "name");
    t.add(PodSpec.class, "containers", MERGE, "name");
    t.add(PodSpec.class, "ephemeralContainers", MERGE, "name");
    t.add(PodSpec.class, "imagePullSecrets", MERGE, "name");
    t.add(PodSpec.class, "hostAliases", MERGE, "ip");
    t.add(PodSpec.class, "topologySpreadConstraints", MERGE, "topologyKey");
    t.add(PodSpec.class, "schedulingGates", MERGE, "name");
    t.add(PodSpec.class, "resourceClaims", MERGE_RETAIN_KEYS, "name");
    t.add(PodSpec.class, "evictionResponders", MERGE, "name");
    // Container and EphemeralContainer share these tags upstream through
    // EphemeralContainerCommon; fabric8 flattens the embedded struct into EphemeralContainer.
    for (var container : new Class<?>[] {Container.class, EphemeralContainer.class}) {
      t.add(container, "ports", MERGE, "containerPort");
      t.add(container, "env", MERGE, "name");
      t.add(container, "volumeMounts", MERGE, "mountPath");
      t.add(container, "volumeDevices", MERGE, "devicePath");
    }
    t.add(PodStatus.class, "conditions", MERGE, "type");
    t.add(PodStatus.class, "hostIPs", MERGE, "ip");
    t.add(PodStatus.class, "podIPs", MERGE, "ip");
    t.add(PodStatus.class, "resourceClaimStatuses", MERGE_RETAIN_KEYS, "name");
    t.add(PodStatus.class, "nodeAllocatableResourceClaimStatuses", MERGE, "resourceClaimName");
    t.add(ContainerStatus.class, "volumeMounts", MERGE, "mountPath");
    t.add(ContainerStatus.class, "allocatedResourcesStatus", MERGE, "name");
    t.add(NodeAllocatableResourceClaimStatus.class, "mapping", MERGE, "name");
    t.add(NodeAllocatableResourceClaimStatus.class, "overhead", MERGE, "name");
    t.add(VolumeHealthStatus.class, "healthConditions", MERGE, "status");
    t.add(PodVolumeHealth.class, "healthConditions", MERGE, "status");
    t.add(ReplicationControllerStatus.class, "conditions", MERGE, "type");
  }

  private static void coreOther(Table t) {
    t.add(ServiceSpec.class, "ports", MERGE, "port");
    t.add(ServiceStatus.class, "conditions", MERGE, "type");
    t.add(ServiceAccount.class, "secrets", MERGE, "name");
    t.add(NodeSpec.class, "podCIDRs", MERGE, "");
    t.add(NodeStatus.class, "conditions", MERGE, "type");
    t.add(NodeStatus.class, "addresses", MERGE, "type");
    t.add(NamespaceStatus.class, "conditions", MERGE, "type");
    t.add(ComponentStatus.class, "conditions", MERGE, "type");
    t.add(PersistentVolumeClaimStatus.class, "conditions", MERGE, "type");
  }

  private static void groups(Table t) {
    t.add(DeploymentSpec.class, "strategy", RETAIN_KEYS, "");
    t.add(DeploymentStatus.class, "conditions", MERGE, "type");
    t.add(StatefulSetStatus.class, "conditions", MERGE, "type");
    t.add(DaemonSetStatus.class, "conditions", MERGE, "type");
    t.add(ReplicaSetStatus.class, "conditions", MERGE, "type");
    t.add(JobStatus.class, "conditions", MERGE, "type");
    t.add(JobSchedulingConfiguration.class, "resourceClaims", MERGE, "name");
    t.add(HorizontalPodAutoscalerStatus.class, "conditions", MERGE, "type");
    t.add(ServiceCIDRStatus.class, "conditions", MERGE, "type");
    t.add(PodDisruptionBudgetSpec.class, "selector", REPLACE, "");
    t.add(PodDisruptionBudgetStatus.class, "conditions", MERGE, "type");
    t.add(CSINodeSpec.class, "drivers", MERGE, "name");
    t.add(CSINodeStatus.class, "storageHealth", MERGE, "name");
    t.add(PodCertificateRequestStatus.class, "conditions", MERGE, "type");
    t.add(FlowSchemaStatus.class, "conditions", MERGE, "type");
    t.add(PriorityLevelConfigurationStatus.class, "conditions", MERGE, "type");
    t.add(StorageVersionMigrationStatus.class, "conditions", MERGE, "type");
    t.add(ValidatingWebhookConfiguration.class, "webhooks", MERGE, "name");
    t.add(MutatingWebhookConfiguration.class, "webhooks", MERGE, "name");
    t.add(ValidatingWebhook.class, "matchConditions", MERGE, "name");
    t.add(MutatingWebhook.class, "matchConditions", MERGE, "name");
    t.add(ValidatingAdmissionPolicySpec.class, "matchConditions", MERGE, "name");
    t.add(ValidatingAdmissionPolicySpec.class, "variables", MERGE, "name");
    t.add(MutatingAdmissionPolicySpec.class, "matchConditions", MERGE, "name");
    // Only reachable through CRD versions, which are atomic; kept for the OpenAPI documents.
    t.add(JSONSchemaProps.class, "x-kubernetes-validations", MERGE, "rule");
  }

  /** Collects entries and checks each against the fabric8 class it names. */
  private static final class Table {
    private final Map<Class<?>, Map<String, FieldStrategy>> entries = new HashMap<>();

    void add(Class<?> owner, String jsonField, String tag, String mergeKey) {
      var shape = ModelShape.fields(owner).get(jsonField);
      if (shape == null) {
        throw new IllegalStateException(owner.getName() + " has no JSON field " + jsonField);
      }
      if (!mergeKey.isEmpty()) {
        var element = shape.element();
        if (shape.kind() != ModelShape.Kind.LIST
            || element.kind() != ModelShape.Kind.STRUCT
            || !ModelShape.fields(element.type()).containsKey(mergeKey)) {
          throw new IllegalStateException(
              owner.getName() + "." + jsonField + " has no elements with field " + mergeKey);
        }
      }
      var previous =
          entries
              .computeIfAbsent(owner, k -> new HashMap<>())
              .put(jsonField, FieldStrategy.parse(tag, mergeKey));
      if (previous != null) {
        throw new IllegalStateException("duplicate entry " + owner.getName() + "." + jsonField);
      }
    }

    Map<Class<?>, Map<String, FieldStrategy>> freeze() {
      var frozen = new HashMap<Class<?>, Map<String, FieldStrategy>>();
      entries.forEach((owner, fields) -> frozen.put(owner, Map.copyOf(fields)));
      return Map.copyOf(frozen);
    }
  }
}
