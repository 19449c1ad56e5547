package io.vessel.server.registry.core.configmap;

import io.vessel.server.api.FieldErrors;
import java.util.regex.Pattern;

/** The key rules ConfigMaps and Secrets share, with apimachinery's IsConfigMapKey messages. */
public final class ConfigKeys {
  /** The most bytes the values of one ConfigMap or Secret may hold together (1 MiB). */
  public static final int MAX_SIZE = 1024 * 1024;

  private static final String KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final Pattern KEY = Pattern.compile(KEY_FMT);

  private ConfigKeys() {}

  public static void validate(String key, String field, FieldErrors errors) {
    String path = field + "[" + key + "]";
    if (key.length() > 253) {
      errors.invalid(path, key, "must be no more than 253 characters");
    }
    if (!KEY.matcher(key).matches()) {
      errors.invalid(
          path,
          key,
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
              + " 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '"
              + KEY_FMT
              + "')");
    }
    if (key.equals(".")) {
      errors.invalid(path, key, "must not be '.'");
    } else if (key.equals("..")) {
      errors.invalid(path, key, "must not be '..'");
    } else if (key.startsWith("..")) {
      errors.invalid(path, key, "must not start with '..'");
    }
  }
}
