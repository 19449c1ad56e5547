package io.vessel.server.controller.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds the garbage collector follows: the built-in owners (workloads, nodes, namespaces) and
 * the kinds their controllers create. Upstream's collector follows every served kind through
 * discovery; an owner of a kind outside this list is never taken for absent (its dependents stay).
 */
final class GcResources {
  static final ResourceType<PersistentVolumeClaim> PERSISTENT_VOLUME_CLAIMS =
      new ResourceType<>(
          "", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true,
          PersistentVolumeClaim.class);

  static final List<ResourceType<? extends HasMetadata>> ALL =
      List.of(
          Resources.PODS,
          Resources.REPLICA_SETS,
          Resources.DEPLOYMENTS,
          Resources.REPLICATION_CONTROLLERS,
          Resources.STATEFUL_SETS,
          Resources.DAEMON_SETS,
          Resources.JOBS,
          Resources.CRON_JOBS,
          Resources.CONTROLLER_REVISIONS,
          Resources.SERVICES,
          Resources.ENDPOINTS,
          Resources.ENDPOINT_SLICES,
          Resources.CONFIG_MAPS,
          Resources.SECRETS,
          Resources.SERVICE_ACCOUNTS,
          PERSISTENT_VOLUME_CLAIMS,
          Resources.NODES,
          Resources.NAMESPACES,
          Resources.LEASES);

  /** By group and kind: an owner reference's version does not matter, as upstream's mapper. */
  private static final Map<String, ResourceType<? extends HasMetadata>> BY_GROUP_KIND =
      ALL.stream().collect(Collectors.toMap(t -> t.group() + "/" + t.kind(), Function.identity()));

  private GcResources() {}

  static Optional<ResourceType<? extends HasMetadata>> of(OwnerReference ref) {
    String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return Optional.ofNullable(BY_GROUP_KIND.get(group + "/" + ref.getKind()));
  }
}
