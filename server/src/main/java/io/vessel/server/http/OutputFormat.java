package io.vessel.server.http;

import io.vessel.server.api.ApiException;
import java.util.List;

/**
 * What a response is written as, negotiated from the Accept header in its order: JSON, YAML, or a
 * meta.k8s.io Table (v1 or v1beta1). Protobuf is not spoken yet; a client that offers it with
 * {@code *}{@code /*} gets JSON, as kubectl and client-go expect.
 */
public record OutputFormat(Kind kind, String tableVersion) {

  public enum Kind {
    JSON,
    YAML,
    TABLE
  }

  public static final OutputFormat JSON = new OutputFormat(Kind.JSON, "");
  static final String ACCEPTED = "application/json, application/yaml";

  public String contentType() {
    return switch (kind) {
      case JSON -> "application/json";
      case YAML -> "application/yaml";
      case TABLE -> "application/json;as=Table;v=" + tableVersion + ";g=meta.k8s.io";
    };
  }

  public static OutputFormat negotiate(String accept) {
    List<MediaRange> ranges = MediaRange.parseAll(accept);
    if (ranges.isEmpty()) {
      return JSON;
    }
    for (MediaRange r : ranges) {
      switch (r.type()) {
        case "application/json", "application/*", "*/*" -> {
          String as = r.param("as");
          if (as.isEmpty()) {
            return JSON;
          }
          if (as.equals("Table")
              && r.param("g").equals("meta.k8s.io")
              && (r.param("v").equals("v1") || r.param("v").equals("v1beta1"))) {
            return new OutputFormat(Kind.TABLE, r.param("v"));
          }
        }
        case "application/yaml" -> {
          if (r.param("as").isEmpty()) {
            return new OutputFormat(Kind.YAML, "");
          }
        }
        default -> {}
      }
    }
    throw ApiException.notAcceptable("only the following media types are accepted: " + ACCEPTED);
  }
}
