package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ConfigMaps and Secrets held in memory, for unit tests of what pods read from them. */
final class TestPodObjects implements PodObjects {
  private final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

  TestPodObjects configMap(String namespace, String name, Map<String, String> data) {
    configMaps.put(
        namespace + "/" + name,
        new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
            .withData(data).build());
    return this;
  }

  /** {@code data} in clear; stored base64-encoded, as the API serves it. */
  TestPodObjects secret(String namespace, String name, Map<String, String> data) {
    var encoded = new LinkedHashMap<String, String>();
    data.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    secrets.put(
        namespace + "/" + name,
        new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
            .withData(encoded).build());
    return this;
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(namespace + "/" + name));
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }
}
