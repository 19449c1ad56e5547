package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.NestingDepth;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.apply.ApplyRequest;
import io.vessel.server.api.patch.FieldValidation;
import io.vessel.server.api.patch.JsonMergePatch;
import io.vessel.server.api.patch.JsonPatch;
import io.vessel.server.api.patch.PatchException;
import io.vessel.server.api.patch.strategic.StrategicMergePatch;
import io.vessel.server.registry.PatchFunction;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import java.io.IOException;

/**
 * PATCH by Content-Type: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and, for built-in
 * kinds, strategic merge patch. Custom resources (model class {@link GenericKubernetesResource})
 * have no patch strategies, so strategic merge patch and server-side apply are refused for them
 * with 415 (upstream serves them with the CRD's schema, which Vessel does not derive yet), naming
 * what is accepted. Server-side apply ({@link ApplyRequest#MEDIA_TYPE}) goes to {@link
 * ResourceStore#apply}.
 */
final class PatchHandler {
  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC = StrategicMergePatch.MEDIA_TYPE;
  static final String APPLY = ApplyRequest.MEDIA_TYPE;

  Future<Void> patch(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      String name,
      String subresource,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req);
    String type = MediaRange.parse(String.valueOf(req.getHeader("Content-Type"))).type();
    boolean strategicAllowed = !GenericKubernetesResource.class.isAssignableFrom(def.type());
    if (!type.equals(MERGE)
        && !type.equals(JSON_PATCH)
        && !(strategicAllowed && (type.equals(STRATEGIC) || type.equals(APPLY)))) {
      throw ApiException.unsupportedMediaType(
          "the body of the request was in an unknown format - accepted media types include: "
              + JSON_PATCH
              + ", "
              + MERGE
              + (strategicAllowed ? ", " + APPLY + ", " + STRATEGIC : ""));
    }
    if (type.equals(APPLY)) {
      return apply(req, def, store, namespace, name, subresource, body, opts, fmt);
    }
    ApplyRequest.checkForce(req.params().get("force"));
    JsonNode patch;
    try {
      patch = Serialization.json().readTree(body.getBytes());
      if (patch == null) {
        throw new IOException("empty patch");
      }
      String tooDeep = NestingDepth.violation(patch);
      if (tooDeep != null) {
        throw new IOException(tooDeep);
      }
    } catch (IOException e) {
      throw ApiException.badRequest("error decoding patch: " + e.getMessage());
    }
    FieldValidation validation = FieldValidation.fromDirective(opts.fieldValidation());
    if (type.equals(MERGE)) {
      try {
        JsonMergePatch.checkPatch(patch, validation);
      } catch (PatchException e) {
        throw asApiException(e);
      }
    }
    PatchFunction fn =
        current -> {
          try {
            JsonNode patched =
                switch (type) {
                  case MERGE -> JsonMergePatch.apply(current, patch);
                  case STRATEGIC -> StrategicMergePatch.apply(current, patch, def.type());
                  default -> JsonPatch.apply(current, patch, validation);
                };
            String patchedName = patched.path("metadata").path("name").asText("");
            if (!patchedName.isEmpty() && !patchedName.equals(name)) {
              throw ApiException.badRequest(
                  "the name of the object ("
                      + patchedName
                      + ") does not match the name on the URL ("
                      + name
                      + ")");
            }
            return patched;
          } catch (PatchException e) {
            throw asApiException(e);
          }
        };
    return store
        .patch(namespace, name, subresource, fn, opts)
        .map(
            updated -> {
              ResponseWriter.object(req, 200, def, updated, fmt);
              return null;
            });
  }

  /**
   * Server-side apply: the field manager must be named in the query (not derived from the
   * User-Agent); {@code force=true} takes conflicting fields over. Answers 201 when the apply
   * created the object.
   */
  private Future<Void> apply(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      String name,
      String subresource,
      Buffer body,
      WriteOptions opts,
      OutputFormat fmt) {
    ApplyRequest.checkOptions(req.params().get("fieldManager"));
    boolean force = QueryOptions.bool(req.params().get("force"));
    ObjectNode config = ApplyRequest.parse(body.getBytes(), def.apiVersion(), def.kind());
    String bodyName = config.path("metadata").path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(name)) {
      throw ApiException.badRequest(
          "the name of the object ("
              + bodyName
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    String bodyNamespace = config.path("metadata").path("namespace").asText("");
    if (def.namespaced() && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    return store
        .apply(namespace, name, subresource, config, force, opts)
        .map(
            applied -> {
              ResponseWriter.object(req, applied.created() ? 201 : 200, def, applied.object(), fmt);
              return null;
            });
  }

  private static ApiException asApiException(PatchException e) {
    return new ApiException(e.code(), e.reason(), e.getMessage(), ApiException.Details.NONE);
  }
}
