package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.WriteOptions;
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
 * have no patch strategies, so strategic merge patch is refused for them with 415 as upstream does;
 * server-side apply is not served yet and is refused the same way, naming what is.
 */
final class PatchHandler {
  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC = StrategicMergePatch.MEDIA_TYPE;

  Future<Void> patch(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      String name,
      String subresource,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req.params());
    String type = MediaRange.parse(String.valueOf(req.getHeader("Content-Type"))).type();
    boolean strategicAllowed = !GenericKubernetesResource.class.isAssignableFrom(def.type());
    if (!type.equals(MERGE)
        && !type.equals(JSON_PATCH)
        && !(strategicAllowed && type.equals(STRATEGIC))) {
      throw ApiException.unsupportedMediaType(
          "the body of the request was in an unknown format - accepted media types include: "
              + JSON_PATCH
              + ", "
              + MERGE
              + (strategicAllowed ? ", " + STRATEGIC : ""));
    }
    JsonNode patch;
    try {
      patch = Serialization.json().readTree(body.getBytes());
      if (patch == null) {
        throw new IOException("empty patch");
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

  private static ApiException asApiException(PatchException e) {
    return new ApiException(e.code(), e.reason(), e.getMessage(), ApiException.Details.NONE);
  }
}
