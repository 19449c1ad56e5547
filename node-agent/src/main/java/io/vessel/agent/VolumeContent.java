package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a configMap, secret, downwardAPI or projected volume: which keys, at which paths,
 * with which modes ({@code defaultMode} 0644). A missing object or key that is not optional fails
 * with {@link IllegalArgumentException} in the kubelet's words.
 */
final class VolumeContent {
  static final int DEFAULT_MODE = 0644;

  private final Pod pod;
  private final PodObjects objects;
  private final NodeAllocatable node;

  VolumeContent(Pod pod, PodObjects objects, NodeAllocatable node) {
    this.pod = pod;
    this.objects = objects;
    this.node = node;
  }

  Map<String, VolumeFiles.File> configMap(
      String name, List<KeyToPath> items, Integer defaultMode, Boolean optional) {
    var found = objects.configMap(namespace(), name);
    if (found.isEmpty()) {
      if (Boolean.TRUE.equals(optional)) {
        return Map.of();
      }
      throw new IllegalArgumentException("configmap \"" + name + "\" not found");
    }
    return select(bytes(found.get()), items, mode(defaultMode), optional, "configmap", "config");
  }

  Map<String, VolumeFiles.File> secret(
      String name, List<KeyToPath> items, Integer defaultMode, Boolean optional) {
    var found = objects.secret(namespace(), name);
    if (found.isEmpty()) {
      if (Boolean.TRUE.equals(optional)) {
        return Map.of();
      }
      throw new IllegalArgumentException("secret \"" + name + "\" not found");
    }
    return select(bytes(found.get()), items, mode(defaultMode), optional, "secret", "secret");
  }

  Map<String, VolumeFiles.File> downwardApi(List<DownwardAPIVolumeFile> items, Integer defaultMode) {
    var out = new LinkedHashMap<String, VolumeFiles.File>();
    for (DownwardAPIVolumeFile item : items == null ? List.<DownwardAPIVolumeFile>of() : items) {
      String value;
      if (item.getFieldRef() != null) {
        value = field(item.getFieldRef().getFieldPath());
      } else if (item.getResourceFieldRef() != null) {
        Container any = pod.getSpec().getContainers().get(0);
        value = ResourceFields.value(pod, any, item.getResourceFieldRef(), node);
      } else {
        continue;
      }
      int mode = item.getMode() != null ? item.getMode() : mode(defaultMode);
      out.put(item.getPath(), new VolumeFiles.File(value.getBytes(StandardCharsets.UTF_8), mode));
    }
    return out;
  }

  /** Sources merged in order; a service account token is not served yet (no TokenRequest). */
  Map<String, VolumeFiles.File> projected(List<VolumeProjection> sources, Integer defaultMode) {
    var out = new LinkedHashMap<String, VolumeFiles.File>();
    for (VolumeProjection source : sources == null ? List.<VolumeProjection>of() : sources) {
      if (source.getConfigMap() != null) {
        var cm = source.getConfigMap();
        out.putAll(configMap(cm.getName(), cm.getItems(), defaultMode, cm.getOptional()));
      } else if (source.getSecret() != null) {
        var s = source.getSecret();
        out.putAll(secret(s.getName(), s.getItems(), defaultMode, s.getOptional()));
      } else if (source.getDownwardAPI() != null) {
        out.putAll(downwardApi(source.getDownwardAPI().getItems(), defaultMode));
      }
    }
    return out;
  }

  private static Map<String, VolumeFiles.File> select(
      Map<String, byte[]> values,
      List<KeyToPath> items,
      int mode,
      Boolean optional,
      String owner,
      String kind) {
    var out = new LinkedHashMap<String, VolumeFiles.File>();
    if (items == null || items.isEmpty()) {
      values.forEach((k, v) -> out.put(k, new VolumeFiles.File(v, mode)));
      return out;
    }
    for (KeyToPath item : items) {
      byte[] value = values.get(item.getKey());
      if (value == null) {
        if (Boolean.TRUE.equals(optional)) {
          continue;
        }
        throw new IllegalArgumentException(
            owner + " references non-existent " + kind + " key: " + item.getKey());
      }
      out.put(item.getPath(), new VolumeFiles.File(value, item.getMode() != null ? item.getMode() : mode));
    }
    return out;
  }

  private String field(String path) {
    var meta = pod.getMetadata();
    return switch (path) {
      case "metadata.labels" -> format(meta.getLabels());
      case "metadata.annotations" -> format(meta.getAnnotations());
      default -> PodFields.value(pod, path, "", "", path);
    };
  }

  /** {@code key="value"} lines, sorted by key, values quoted with escapes. */
  private static String format(Map<String, String> map) {
    var lines = new StringBuilder();
    for (var e : new TreeMap<>(map == null ? Map.<String, String>of() : map).entrySet()) {
      if (!lines.isEmpty()) {
        lines.append('\n');
      }
      lines.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
    }
    return lines.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static Map<String, byte[]> bytes(ConfigMap cm) {
    var out = new LinkedHashMap<String, byte[]>();
    if (cm.getData() != null) {
      cm.getData().forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (cm.getBinaryData() != null) {
      cm.getBinaryData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    return out;
  }

  private static Map<String, byte[]> bytes(Secret secret) {
    var out = new LinkedHashMap<String, byte[]>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    return out;
  }

  private static int mode(Integer defaultMode) {
    return defaultMode == null ? DEFAULT_MODE : defaultMode;
  }

  private String namespace() {
    return pod.getMetadata().getNamespace();
  }
}
