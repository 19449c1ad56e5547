package io.vessel.server.registry.core.configmap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * ConfigMap rules: valid keys, no key in both data and binaryData, at most 1 MiB in all, and once
 * {@code immutable: true} neither the data nor the flag may change.
 */
public final class ConfigMapStrategy extends BasicStrategy<ConfigMap> {
  static final String IMMUTABLE = "field is immutable when `immutable` is set";

  public ConfigMapStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  public void validate(ConfigMap cm, FieldErrors errors) {
    long size = 0;
    Map<String, String> data = cm.getData();
    Map<String, String> binary = cm.getBinaryData();
    if (data != null) {
      for (Map.Entry<String, String> e : data.entrySet()) {
        ConfigKeys.validate(e.getKey(), "data", errors);
        if (binary != null && binary.containsKey(e.getKey())) {
          errors.invalid(
              "data[" + e.getKey() + "]", e.getKey(), "duplicate of key present in binaryData");
        }
        size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (binary != null) {
      for (Map.Entry<String, String> e : binary.entrySet()) {
        ConfigKeys.validate(e.getKey(), "binaryData", errors);
        size += decodedLength(e.getValue());
      }
    }
    if (size > ConfigKeys.MAX_SIZE) {
      errors.tooLong("", "", ConfigKeys.MAX_SIZE);
    }
  }

  @Override
  public void validateUpdate(ConfigMap cm, ConfigMap old, FieldErrors errors) {
    validate(cm, errors);
    if (Boolean.TRUE.equals(old.getImmutable())) {
      if (!Boolean.TRUE.equals(cm.getImmutable())) {
        errors.forbidden("immutable", IMMUTABLE);
      }
      if (!Objects.equals(emptyAsNull(cm.getData()), emptyAsNull(old.getData()))) {
        errors.forbidden("data", IMMUTABLE);
      }
      if (!Objects.equals(emptyAsNull(cm.getBinaryData()), emptyAsNull(old.getBinaryData()))) {
        errors.forbidden("binaryData", IMMUTABLE);
      }
    }
  }

  static long decodedLength(String base64) {
    if (base64 == null) {
      return 0;
    }
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.length();
    }
  }

  static <K, V> Map<K, V> emptyAsNull(Map<K, V> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
