package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.NestingDepth;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The checks kube-apiserver makes on a server-side apply request before merging: the options
 * ({@code fieldManager} is required), and the body, a YAML (or JSON) object of the resource's
 * apiVersion and kind that carries no managedFields.
 */
public final class ApplyRequest {
  public static final String MEDIA_TYPE = "application/apply-patch+yaml";

  private ApplyRequest() {}

  /** 422 on PatchOptions when an apply names no field manager, as upstream's validation. */
  public static void checkOptions(String fieldManager) {
    if (fieldManager == null || fieldManager.isEmpty()) {
      throw ApiException.invalid(
          "PatchOptions",
          "meta.k8s.io",
          "",
          new FieldErrors().required("fieldManager", "is required for apply patch").causes());
    }
  }

  /** 422 on PatchOptions when a patch that is not an apply sets {@code force}. */
  public static void checkForce(String force) {
    if (force != null) {
      throw ApiException.invalid(
          "PatchOptions",
          "meta.k8s.io",
          "",
          new FieldErrors()
              .forbidden("force", "may not be specified for non-apply patch")
              .causes());
    }
  }

  /** Parses and checks an apply body; {@code apiVersion} and {@code kind} are the resource's. */
  public static ObjectNode parse(byte[] body, String apiVersion, String kind) {
    JsonNode tree;
    try {
      tree = Serialization.yaml().readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("error decoding YAML: " + firstLine(e.getMessage()));
    }
    if (tree == null || !tree.isObject()) {
      throw ApiException.badRequest(
          "error decoding YAML: the apply patch must be an object, not " + summary(body));
    }
    String tooDeep = NestingDepth.violation(tree);
    if (tooDeep != null) {
      throw ApiException.badRequest("error decoding YAML: " + tooDeep);
    }
    ObjectNode config = (ObjectNode) tree;
    String version = config.path("apiVersion").asText("");
    if (!version.equals(apiVersion)) {
      throw ApiException.badRequest(
          "Incorrect version specified in apply patch. Specified patch version: "
              + version
              + ", expected: "
              + apiVersion);
    }
    String bodyKind = config.path("kind").asText("");
    if (bodyKind.isEmpty()) {
      throw ApiException.badRequest("Object 'Kind' is missing in '" + config + "'");
    }
    if (!bodyKind.equals(kind)) {
      throw ApiException.badRequest(
          "Incorrect kind specified in apply patch. Specified patch kind: "
              + bodyKind
              + ", expected: "
              + kind);
    }
    if (config.path("metadata").has("managedFields")) {
      throw ApiException.badRequest("metadata.managedFields must be nil");
    }
    return config;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String summary(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8).strip();
    return s.length() > 30 ? s.substring(0, 30) + " ..." : s;
  }
}
