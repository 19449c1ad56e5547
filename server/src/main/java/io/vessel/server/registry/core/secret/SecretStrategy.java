package io.vessel.server.registry.core.secret;

import io.fabric8.kubernetes.api.model.Secret;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.core.configmap.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Secret rules: type Opaque by default, write-only stringData folded into data (base64), valid
 * keys, at most 1 MiB, the keys each built-in type requires, a type that never changes, and data
 * frozen once {@code immutable: true}.
 */
public final class SecretStrategy extends BasicStrategy<Secret> {
  static final String IMMUTABLE = "field is immutable when `immutable` is set";
  static final String SERVICE_ACCOUNT_NAME = "kubernetes.io/service-account.name";

  public SecretStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(Secret secret) {
    if (secret.getType() == null || secret.getType().isEmpty()) {
      secret.setType("Opaque");
    }
    Map<String, String> strings = secret.getStringData();
    if (strings != null && !strings.isEmpty()) {
      Map<String, String> data =
          secret.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secret.getData());
      for (Map.Entry<String, String> e : strings.entrySet()) {
        String value = e.getValue() == null ? "" : e.getValue();
        data.put(
            e.getKey(), Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      }
      secret.setData(data);
    }
    secret.setStringData(null);
  }

  @Override
  public void validate(Secret secret, FieldErrors errors) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    long size = 0;
    for (Map.Entry<String, String> e : data.entrySet()) {
      ConfigKeys.validate(e.getKey(), "data", errors);
      try {
        size += e.getValue() == null ? 0 : Base64.getDecoder().decode(e.getValue()).length;
      } catch (IllegalArgumentException bad) {
        errors.invalid("data[" + e.getKey() + "]", "<value omitted>", "illegal base64 data");
      }
    }
    if (size > ConfigKeys.MAX_SIZE) {
      errors.tooLong("data", "", ConfigKeys.MAX_SIZE);
    }
    switch (secret.getType()) {
      case "kubernetes.io/service-account-token" -> {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        String name = annotations == null ? null : annotations.get(SERVICE_ACCOUNT_NAME);
        if (name == null || name.isEmpty()) {
          errors.required("metadata.annotations[" + SERVICE_ACCOUNT_NAME + "]", "");
        }
      }
      case "kubernetes.io/dockercfg" -> requireKeys(data, List.of(".dockercfg"), errors);
      case "kubernetes.io/dockerconfigjson" ->
          requireKeys(data, List.of(".dockerconfigjson"), errors);
      case "kubernetes.io/basic-auth" -> {
        if (!data.containsKey("username") && !data.containsKey("password")) {
          requireKeys(data, List.of("username", "password"), errors);
        }
      }
      case "kubernetes.io/ssh-auth" -> requireKeys(data, List.of("ssh-privatekey"), errors);
      case "kubernetes.io/tls" -> requireKeys(data, List.of("tls.crt", "tls.key"), errors);
      default -> {}
    }
  }

  @Override
  public void validateUpdate(Secret secret, Secret old, FieldErrors errors) {
    validate(secret, errors);
    if (!Objects.equals(secret.getType(), old.getType())) {
      errors.immutable("type", secret.getType());
    }
    if (Boolean.TRUE.equals(old.getImmutable())) {
      if (!Boolean.TRUE.equals(secret.getImmutable())) {
        errors.forbidden("immutable", IMMUTABLE);
      }
      if (!Objects.equals(emptyAsNull(secret.getData()), emptyAsNull(old.getData()))) {
        errors.forbidden("data", IMMUTABLE);
      }
    }
  }

  private static void requireKeys(Map<String, String> data, List<String> keys, FieldErrors errors) {
    for (String key : keys) {
      if (!data.containsKey(key)) {
        errors.required("data[" + key + "]", "");
      }
    }
  }

  private static Map<String, String> emptyAsNull(Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
