package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.client.Resources;
import java.util.Optional;

/**
 * Reads a pod's ConfigMaps and Secrets from the API server with the node's credentials, fresh at
 * each container start (the kubelet's "Get" strategy: no cache, so an object created after the pod
 * is found on the next attempt).
 */
final class ApiPodObjects implements PodObjects {
  private final ApiClient api;

  ApiPodObjects(ApiClient api) {
    this.api = api;
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return get(Resources.CONFIG_MAPS, namespace, name);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return get(Resources.SECRETS, namespace, name);
  }

  private <T extends HasMetadata> Optional<T> get(
      ResourceType<T> type, String namespace, String name) {
    try {
      return Optional.of(Blocking.await(api.get(type, namespace, name)));
    } catch (ApiException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
