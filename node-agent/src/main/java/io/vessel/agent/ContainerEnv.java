package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment as the kubelet makes it: {@code envFrom} sources first (each key with
 * its prefix; keys that cannot be variable names are skipped), then {@code env} in order, where a
 * value may refer to earlier ones with {@code $(VAR)} and {@code valueFrom} reads a ConfigMap or
 * Secret key, a field of the pod, or a resource of a container.
 *
 * <p>A non-optional ConfigMap, Secret or key that is missing fails with {@link
 * IllegalArgumentException} carrying the kubelet's message, which the container shows as
 * {@code CreateContainerConfigError}.
 */
final class ContainerEnv {
  private final Pod pod;
  private final PodObjects objects;
  private final NodeAllocatable node;
  private final String podIp;
  private final String hostIp;

  ContainerEnv(Pod pod, PodObjects objects, NodeAllocatable node, String podIp, String hostIp) {
    this.pod = pod;
    this.objects = objects;
    this.node = node;
    this.podIp = podIp;
    this.hostIp = hostIp;
  }

  Map<String, String> of(Container container) {
    var env = new LinkedHashMap<String, String>();
    if (container.getEnvFrom() != null) {
      for (EnvFromSource source : container.getEnvFrom()) {
        addAll(env, source);
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar e : container.getEnv()) {
        if (e.getValueFrom() == null) {
          env.put(e.getName(), e.getValue() == null ? "" : ContainerConfigs.expand(e.getValue(), env));
        } else {
          value(container, e.getName(), e.getValueFrom()).ifPresent(v -> env.put(e.getName(), v));
        }
      }
    }
    return env;
  }

  private void addAll(Map<String, String> env, EnvFromSource source) {
    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
    Map<String, String> values;
    if (source.getConfigMapRef() != null) {
      var ref = source.getConfigMapRef();
      var found = objects.configMap(namespace(), ref.getName());
      if (found.isEmpty()) {
        if (Boolean.TRUE.equals(ref.getOptional())) {
          return;
        }
        throw new IllegalArgumentException("configmap \"" + ref.getName() + "\" not found");
      }
      values = configMapValues(found.get());
    } else if (source.getSecretRef() != null) {
      var ref = source.getSecretRef();
      var found = objects.secret(namespace(), ref.getName());
      if (found.isEmpty()) {
        if (Boolean.TRUE.equals(ref.getOptional())) {
          return;
        }
        throw new IllegalArgumentException("secret \"" + ref.getName() + "\" not found");
      }
      values = secretValues(found.get());
    } else {
      return;
    }
    values.forEach(
        (key, value) -> {
          String name = prefix + key;
          if (isVariableName(name)) {
            env.put(name, value);
          }
        });
  }

  private Optional<String> value(Container container, String name, EnvVarSource from) {
    if (from.getFieldRef() != null) {
      return Optional.of(
          PodFields.value(pod, from.getFieldRef().getFieldPath(), podIp, hostIp, name));
    }
    if (from.getResourceFieldRef() != null) {
      return Optional.of(ResourceFields.value(pod, container, from.getResourceFieldRef(), node));
    }
    if (from.getConfigMapKeyRef() != null) {
      var ref = from.getConfigMapKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      var found = objects.configMap(namespace(), ref.getName());
      if (found.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw new IllegalArgumentException("configmap \"" + ref.getName() + "\" not found");
      }
      String value = configMapValues(found.get()).get(ref.getKey());
      if (value == null && !optional) {
        throw new IllegalArgumentException(
            "couldn't find key " + ref.getKey() + " in ConfigMap " + namespace() + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    if (from.getSecretKeyRef() != null) {
      var ref = from.getSecretKeyRef();
      boolean optional = Boolean.TRUE.equals(ref.getOptional());
      var found = objects.secret(namespace(), ref.getName());
      if (found.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw new IllegalArgumentException("secret \"" + ref.getName() + "\" not found");
      }
      String value = secretValues(found.get()).get(ref.getKey());
      if (value == null && !optional) {
        throw new IllegalArgumentException(
            "couldn't find key " + ref.getKey() + " in Secret " + namespace() + "/" + ref.getName());
      }
      return Optional.ofNullable(value);
    }
    throw new IllegalArgumentException("env " + name + ": valueFrom names no source");
  }

  /** data as is, binaryData decoded as UTF-8 (what a process sees of its bytes). */
  private static Map<String, String> configMapValues(ConfigMap cm) {
    var out = new LinkedHashMap<String, String>();
    if (cm.getData() != null) {
      out.putAll(cm.getData());
    }
    if (cm.getBinaryData() != null) {
      cm.getBinaryData().forEach((k, v) -> out.put(k, decode(v)));
    }
    return out;
  }

  /** data is base64 on the wire; stringData never reaches a stored Secret. */
  private static Map<String, String> secretValues(Secret secret) {
    var out = new LinkedHashMap<String, String>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, decode(v)));
    }
    return out;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  /** Since Kubernetes 1.30 any printable ASCII but '=' may name a variable. */
  static boolean isVariableName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '=') {
        return false;
      }
    }
    return true;
  }

  private String namespace() {
    return pod.getMetadata().getNamespace();
  }
}
