package io.vessel.server.registry.core.pod;

import io.vertx.core.MultiMap;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code GET pods/{name}/log}, parsed and validated as kube-apiserver's PodLogOptions:
 * a value that does not parse is a 400, one that parses but breaks a rule is a 422 naming the
 * field. What passes is forwarded to the node agent unchanged.
 */
public record PodLogOptions(
    String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    Long tailLines,
    Long limitBytes,
    Long sinceSeconds,
    String sinceTime,
    boolean insecureSkipTLSVerifyBackend) {

  public static PodLogOptions parse(MultiMap query, String podName) {
    var options =
        new PodLogOptions(
            query.get("container") == null ? "" : query.get("container"),
            bool(query, "follow"),
            bool(query, "previous"),
            bool(query, "timestamps"),
            integer(query, "tailLines"),
            integer(query, "limitBytes"),
            integer(query, "sinceSeconds"),
            time(query, "sinceTime"),
            bool(query, "insecureSkipTLSVerifyBackend"));
    options.validate(podName);
    return options;
  }

  private void validate(String podName) {
    var errors = new FieldErrors();
    if (tailLines != null && tailLines < 0) {
      errors.invalid("tailLines", tailLines, "must be greater than or equal to 0");
    }
    if (limitBytes != null && limitBytes < 1) {
      errors.invalid("limitBytes", limitBytes, "must be greater than 0");
    }
    if (sinceSeconds != null && sinceTime != null) {
      errors.forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified");
    } else if (sinceSeconds != null && sinceSeconds < 1) {
      errors.invalid("sinceSeconds", sinceSeconds, "must be greater than 0");
    }
    errors.throwIfAny("PodLogOptions", "", podName);
  }

  /** The query for the node agent's containerLogs endpoint (container goes in the path). */
  public Map<String, String> agentQuery() {
    var q = new LinkedHashMap<String, String>();
    if (follow) {
      q.put("follow", "true");
    }
    if (previous) {
      q.put("previous", "true");
    }
    if (timestamps) {
      q.put("timestamps", "true");
    }
    if (tailLines != null) {
      q.put("tailLines", tailLines.toString());
    }
    if (limitBytes != null) {
      q.put("limitBytes", limitBytes.toString());
    }
    if (sinceSeconds != null) {
      q.put("sinceSeconds", sinceSeconds.toString());
    }
    if (sinceTime != null) {
      q.put("sinceTime", sinceTime);
    }
    return q;
  }

  private static boolean bool(MultiMap query, String name) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      return false;
    }
    return switch (v) {
      case "true", "1", "t", "T", "TRUE", "True" -> true;
      case "false", "0", "f", "F", "FALSE", "False" -> false;
      default -> throw unparsable(name, v);
    };
  }

  private static Long integer(MultiMap query, String name) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw unparsable(name, v);
    }
  }

  private static String time(MultiMap query, String name) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      OffsetDateTime.parse(v);
      return v;
    } catch (DateTimeParseException e) {
      throw unparsable(name, v);
    }
  }

  private static ApiException unparsable(String name, String value) {
    return ApiException.badRequest(
        "unable to parse query parameter " + name + "=\"" + value + "\" as PodLogOptions");
  }
}
