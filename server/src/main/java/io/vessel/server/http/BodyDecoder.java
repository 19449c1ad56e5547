package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.NestingDepth;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.TypeMismatch;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.apply.ManagedFieldsReset;
import io.vessel.server.api.protobuf.KubeProtobuf;
import io.vessel.server.registry.ResourceDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes object bodies as kube-apiserver does: JSON or YAML, apiVersion and kind defaulted when
 * absent and checked when present, unknown fields dropped and reported per fieldValidation.
 */
public final class BodyDecoder {
  private BodyDecoder() {}

  /** Parses a JSON or YAML body into a tree; 415 for other content types. */
  public static JsonNode parse(Buffer body, String contentType, String expectedKind) {
    MediaRange type = MediaRange.parse(contentType == null ? "application/json" : contentType);
    if (type.type().equals(KubeProtobuf.MEDIA_TYPE)) {
      JsonNode tree = KubeProtobuf.toJson(body.getBytes());
      String tooDeep = NestingDepth.violation(tree);
      if (tooDeep != null) {
        throw ApiException.badRequest(
            "the object provided is unrecognized (must be of type "
                + expectedKind
                + "): couldn't decode the protobuf body: "
                + tooDeep);
      }
      return tree;
    }
    boolean yaml = type.type().equals("application/yaml");
    if (!yaml && !type.type().equals("application/json")) {
      throw ApiException.unsupportedMediaType(
          "the body of the request was in an unknown format - accepted media types include:"
              + " application/json, application/yaml, application/vnd.kubernetes.protobuf");
    }
    try {
      JsonNode tree =
          (yaml ? Serialization.yaml() : Serialization.json()).readTree(body.getBytes());
      if (tree == null || !tree.isObject()) {
        throw new IOException("the body is not an object");
      }
      String tooDeep = NestingDepth.violation(tree);
      if (tooDeep != null) {
        throw new IOException(tooDeep);
      }
      return tree;
    } catch (IOException e) {
      throw ApiException.badRequest(
          "the object provided is unrecognized (must be of type "
              + expectedKind
              + "): couldn't get version/kind; json parse error: "
              + firstLine(e.getMessage())
              + " ("
              + summary(body)
              + ")");
    }
  }

  /**
   * Decodes a parsed body into the resource's model class; {@code kind} is the kind the body must
   * carry (the resource's, or a subresource's).
   */
  public static HasMetadata decode(
      ResourceDefinition def,
      String kind,
      JsonNode tree,
      WriteOptions opts,
      HttpServerResponse response) {
    return decode(def, kind, def.type(), tree, opts, response);
  }

  /**
   * Decodes a parsed body into {@code type}: the model of a subresource's own kind in the
   * resource's group-version (a pod's Binding).
   */
  public static <T extends HasMetadata> T decode(
      ResourceDefinition def,
      String kind,
      Class<T> type,
      JsonNode tree,
      WriteOptions opts,
      HttpServerResponse response) {
    String apiVersion = tree.path("apiVersion").asText("");
    String bodyKind = tree.path("kind").asText("");
    if (!bodyKind.isEmpty() && !bodyKind.equals(kind)) {
      // kube-apiserver decodes the body's kind, then fails converting it to the resource's
      // internal type; the message names both Go types.
      String version =
          apiVersion.isEmpty() ? def.version() : apiVersion.substring(apiVersion.indexOf('/') + 1);
      String internalGroup = def.group().isEmpty() ? "core" : def.group().split("\\.")[0];
      throw ApiException.badRequest(
          bodyKind
              + " in version \""
              + version
              + "\" cannot be handled as a "
              + kind
              + ": converting ("
              + version
              + "."
              + bodyKind
              + ") to ("
              + internalGroup
              + "."
              + kind
              + "): unknown conversion");
    }
    if (!apiVersion.isEmpty() && !apiVersion.equals(def.apiVersion())) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + def.apiVersion()
              + ")");
    }
    Serialization.Decoded<T> decoded;
    try {
      decoded = Serialization.decode(tree, type);
    } catch (TypeMismatch e) {
      String version =
          apiVersion.isEmpty() ? def.version() : apiVersion.substring(apiVersion.indexOf('/') + 1);
      throw ApiException.badRequest(
          kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": " + e.goMessage());
    }
    if (!decoded.unknownFields().isEmpty()) {
      switch (opts.fieldValidation()) {
        case "Strict" -> {
          // kube-apiserver wraps the decoder's strict error like any other decode failure.
          String version =
              apiVersion.isEmpty()
                  ? def.version()
                  : apiVersion.substring(apiVersion.indexOf('/') + 1);
          StringBuilder sb =
              new StringBuilder(kind)
                  .append(" in version \"")
                  .append(version)
                  .append("\" cannot be handled as a ")
                  .append(kind)
                  .append(": strict decoding error: ");
          for (int i = 0; i < decoded.unknownFields().size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                .append("unknown field \"")
                .append(decoded.unknownFields().get(i))
                .append('"');
          }
          throw ApiException.badRequest(sb.toString());
        }
        case "Warn" -> {
          for (String f : decoded.unknownFields()) {
            ResponseWriter.warn(response, "unknown field \"" + f + "\"");
          }
        }
        default -> {}
      }
    }
    ManagedFieldsReset.mark(tree, decoded.value());
    // fabric8 models default apiVersion and kind to their own, which is what kube does for
    // bodies that leave them out.
    return decoded.value();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String summary(Buffer body) {
    if (body.length() == 0) {
      return "<empty>";
    }
    String s = body.toString(StandardCharsets.UTF_8);
    return s.length() > 30 ? s.substring(0, 30) + " ..." : s;
  }
}
