package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
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
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.PatchFunction;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.ScaleSubresource;
import io.vessel.server.registry.ScaleTable;
import java.io.IOException;

/**
 * The {@code scale} subresource: GET answers the object's autoscaling/v1 Scale; PUT and PATCH
 * (merge, JSON patch, and strategic merge, which on a Scale is a merge) change only {@code
 * spec.replicas}, as kubectl scale and the HPA do, and answer the new Scale.
 */
final class ScaleHandler {
  /** How Scale objects are rendered: JSON, YAML, or their table. */
  private static final ResourceDefinition SCALE =
      ResourceDefinition.builder("autoscaling", "v1", "scale", "Scale")
          .model(Scale.class, BasicStrategy.plain(), new ScaleTable())
          .build();

  private static final String STRATEGIC = "application/strategic-merge-patch+json";

  Future<Void> handle(
      HttpServerRequest req,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body,
      OutputFormat fmt) {
    return switch (req.method().name()) {
      case "GET" -> store.getObject(namespace, name).map(obj -> respond(req, obj, fmt));
      case "PUT" -> update(req, store, namespace, name, body, fmt);
      case "PATCH" -> patch(req, store, namespace, name, body, fmt);
      default -> throw ApiException.methodNotAllowed();
    };
  }

  private Future<Void> update(
      HttpServerRequest req,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req);
    JsonNode tree = BodyDecoder.parse(body, req.getHeader("Content-Type"), "Scale");
    Scale scale = (Scale) BodyDecoder.decode(SCALE, "Scale", tree, opts, req.response());
    ResourceHandler.checkName(scale, name);
    JsonNode requested = Serialization.json().valueToTree(scale);
    PatchFunction fn = current -> ScaleSubresource.applyTo(current, requested);
    return store.patch(namespace, name, fn, opts, "scale").map(obj -> respond(req, obj, fmt));
  }

  private Future<Void> patch(
      HttpServerRequest req,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req);
    String type = MediaRange.parse(String.valueOf(req.getHeader("Content-Type"))).type();
    boolean merge = type.equals(PatchHandler.MERGE) || type.equals(STRATEGIC);
    if (!merge && !type.equals(PatchHandler.JSON_PATCH)) {
      throw ApiException.unsupportedMediaType(
          "the body of the request was in an unknown format - accepted media types include: "
              + PatchHandler.JSON_PATCH
              + ", "
              + PatchHandler.MERGE
              + ", "
              + STRATEGIC);
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
    PatchFunction fn =
        current -> {
          ObjectNode scale = ScaleSubresource.scaleOf(current);
          try {
            JsonNode patched =
                merge
                    ? JsonMergePatch.apply(scale, patch)
                    : JsonPatch.apply(scale, patch, validation);
            return ScaleSubresource.applyTo(current, patched);
          } catch (PatchException e) {
            throw new ApiException(e.code(), e.reason(), e.getMessage(), ApiException.Details.NONE);
          }
        };
    return store.patch(namespace, name, fn, opts, "scale").map(obj -> respond(req, obj, fmt));
  }

  private static Void respond(
      HttpServerRequest req, io.fabric8.kubernetes.api.model.HasMetadata obj, OutputFormat fmt) {
    Scale scale = ScaleSubresource.decode(ScaleSubresource.scaleOf(ObjectCodec.tree(obj)));
    ResponseWriter.object(req, 200, SCALE, scale, fmt);
    return null;
  }
}
