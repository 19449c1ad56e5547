package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Patch;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.Subresource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code paths} of one resource: its collection and item paths (under {@code
 * namespaces/{namespace}} when namespaced, plus the all-namespaces list), the deprecated {@code
 * watch/} paths, and one path per subresource, each with exactly the operations its verbs allow.
 * Every operation names its {@code x-kubernetes-action} and {@code
 * x-kubernetes-group-version-kind}: {@code kubectl explain} finds a resource's kind through them,
 * and kubectl's field-validation check looks for the PATCH operation of the object's kind.
 */
final class ResourcePaths {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<String> OBJECT_MEDIA = List.of("application/json", "application/yaml");
  private static final List<String> STREAM_MEDIA =
      List.of("application/json", "application/json;stream=watch", "application/yaml");

  /** What the server decodes in request bodies (see BodyDecoder). */
  private static final List<String> BODY_MEDIA =
      List.of("application/json", "application/vnd.kubernetes.protobuf", "application/yaml");

  private static final List<String> PATCH_MEDIA =
      List.of(
          "application/apply-patch+yaml",
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/strategic-merge-patch+json");

  private final ModelSchemas schemas;
  private final String prefix;
  private final String idPrefix;
  private final String tag;

  /**
   * @param schemas where the bodies' schemas are defined
   * @param idPrefix the group-version part of operation ids, e.g. {@code CoreV1}, {@code AppsV1}
   * @param tag the operations' tag, e.g. {@code core_v1}
   */
  ResourcePaths(String group, String version, ModelSchemas schemas, String idPrefix, String tag) {
    this.schemas = schemas;
    this.prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    this.idPrefix = idPrefix;
    this.tag = tag;
  }

  /** Adds the paths of {@code d} to {@code paths}. */
  void addTo(Map<String, ObjectNode> paths, ResourceDefinition d) {
    Gvk gvk = new Gvk(d.group(), d.version(), d.kind());
    String kind = d.kind();
    String scope = d.namespaced() ? "/namespaces/{namespace}/" : "/";
    String ns = d.namespaced() ? "Namespaced" : "";
    ObjectNode object = schemas.ref(d.type());
    Optional<ObjectNode> list = listClass(d).map(schemas::ref);

    ObjectNode collection = pathItem(d, false);
    if (d.allows("list")) {
      ObjectNode op =
          op("list", "list" + idPrefix + ns + kind, "lists or watches " + d.resource(), gvk);
      params(op, Parameters.list());
      op.set("responses", responses(Map.of("200", list.orElse(object)), STREAM_MEDIA));
      collection.set("get", op);
    }
    if (d.allows("create")) {
      ObjectNode op = op("post", "create" + idPrefix + ns + kind, "creates a " + kind, gvk);
      params(op, Parameters.write());
      op.set("requestBody", body(object, BODY_MEDIA, true));
      op.set(
          "responses",
          responses(Map.of("200", object, "201", object, "202", object), OBJECT_MEDIA));
      collection.set("post", op);
    }
    if (d.allows("deletecollection")) {
      ObjectNode op =
          op(
              "deletecollection",
              "delete" + idPrefix + "Collection" + ns + kind,
              "deletes a collection of " + d.resource(),
              gvk);
      params(op, Parameters.deleteCollection());
      op.set("requestBody", body(schemas.ref(DeleteOptions.class), OBJECT_MEDIA, false));
      op.set("responses", responses(Map.of("200", schemas.ref(Status.class)), OBJECT_MEDIA));
      collection.set("delete", op);
    }
    putIfOperations(paths, prefix + scope + d.resource(), collection);

    ObjectNode item = pathItem(d, true);
    if (d.allows("get")) {
      ObjectNode op = op("get", "read" + idPrefix + ns + kind, "reads a " + kind, gvk);
      op.set("responses", responses(Map.of("200", object), OBJECT_MEDIA));
      item.set("get", op);
    }
    if (d.allows("update")) {
      item.set("put", replace(gvk, "replace" + idPrefix + ns + kind, "replaces a " + kind, object));
    }
    if (d.allows("patch")) {
      item.set("patch", patch(gvk, "patch" + idPrefix + ns + kind, "patches a " + kind, object));
    }
    if (d.allows("delete")) {
      ObjectNode op = op("delete", "delete" + idPrefix + ns + kind, "deletes a " + kind, gvk);
      params(op, Parameters.delete());
      op.set("requestBody", body(schemas.ref(DeleteOptions.class), OBJECT_MEDIA, false));
      op.set("responses", responses(Map.of("200", object, "202", object), OBJECT_MEDIA));
      item.set("delete", op);
    }
    putIfOperations(paths, prefix + scope + d.resource() + "/{name}", item);

    if (d.namespaced() && d.allows("list")) {
      ObjectNode all = NODES.objectNode();
      ObjectNode op =
          op(
              "list",
              "list" + idPrefix + kind + "ForAllNamespaces",
              "lists " + d.resource() + " in all namespaces",
              gvk);
      params(op, Parameters.list());
      op.set("responses", responses(Map.of("200", list.orElse(object)), STREAM_MEDIA));
      all.set("get", op);
      all.putArray("parameters").add(Parameters.pretty());
      paths.put(prefix + "/" + d.resource(), all);
    }
    if (d.allows("watch")) {
      addWatchPaths(paths, d, gvk, scope, ns);
    }
    for (Subresource sub : d.subresources()) {
      addSubresource(paths, d, sub, scope, ns);
    }
  }

  private void addWatchPaths(
      Map<String, ObjectNode> paths, ResourceDefinition d, Gvk gvk, String scope, String ns) {
    ObjectNode event = schemas.ref(WatchEvent.class);
    String kind = d.kind();
    ObjectNode one = pathItem(d, true);
    ObjectNode op = op("watch", "watch" + idPrefix + ns + kind, "watches a " + kind, gvk);
    params(op, Parameters.list());
    op.set("responses", responses(Map.of("200", event), STREAM_MEDIA));
    one.set("get", op);
    paths.put(prefix + "/watch" + scope + d.resource() + "/{name}", one);

    ObjectNode many = pathItem(d, false);
    op = op("watchlist", "watch" + idPrefix + ns + kind + "List", "watches " + d.resource(), gvk);
    params(op, Parameters.list());
    op.set("responses", responses(Map.of("200", event), STREAM_MEDIA));
    many.set("get", op);
    paths.put(prefix + "/watch" + scope + d.resource(), many);
    if (d.namespaced()) {
      ObjectNode all = NODES.objectNode();
      op =
          op(
              "watchlist",
              "watch" + idPrefix + kind + "ListForAllNamespaces",
              "watches " + d.resource() + " in all namespaces",
              gvk);
      params(op, Parameters.list());
      op.set("responses", responses(Map.of("200", event), STREAM_MEDIA));
      all.set("get", op);
      all.putArray("parameters").add(Parameters.pretty());
      paths.put(prefix + "/watch/" + d.resource(), all);
    }
  }

  private void addSubresource(
      Map<String, ObjectNode> paths,
      ResourceDefinition d,
      Subresource sub,
      String scope,
      String ns) {
    SubresourceTarget target = SubresourceTarget.of(d, sub);
    String id = ns + d.kind() + capitalize(sub.name());
    String what = "the " + sub.name() + " of a " + d.kind();
    ObjectNode item = pathItem(d, true);
    if (target.connect()) {
      for (String verb : sub.verbs()) {
        String method = verb.equals("create") ? "post" : verb.equals("update") ? "put" : verb;
        String idVerb = "connect" + idPrefix + capitalize(method);
        ObjectNode op = op("connect", idVerb + id, "connects to " + what, target.gvk());
        params(op, connectParameters(sub.name()));
        op.set("responses", textResponse("*/*"));
        item.set(method, op);
      }
      putIfOperations(paths, prefix + scope + d.resource() + "/{name}/" + sub.name(), item);
      return;
    }
    ObjectNode body =
        target.type().map(schemas::ref).orElseGet(() -> NODES.objectNode().put("type", "object"));
    for (String verb : sub.verbs()) {
      switch (verb) {
        case "get" -> {
          ObjectNode op = op("get", "read" + idPrefix + id, "reads " + what, target.gvk());
          if (target.text()) {
            params(op, Parameters.podLog());
            op.set("responses", textResponse("text/plain"));
          } else {
            op.set("responses", responses(Map.of("200", body), OBJECT_MEDIA));
          }
          item.set("get", op);
        }
        case "update" ->
            item.set(
                "put", replace(target.gvk(), "replace" + idPrefix + id, "replaces " + what, body));
        case "patch" ->
            item.set(
                "patch", patch(target.gvk(), "patch" + idPrefix + id, "patches " + what, body));
        case "create" -> {
          ObjectNode op = op("post", "create" + idPrefix + id, "creates " + what, target.gvk());
          params(op, Parameters.write());
          op.set("requestBody", body(body, BODY_MEDIA, true));
          op.set(
              "responses", responses(Map.of("200", body, "201", body, "202", body), OBJECT_MEDIA));
          item.set("post", op);
        }
        case "delete" -> {
          ObjectNode op = op("delete", "delete" + idPrefix + id, "deletes " + what, target.gvk());
          params(op, Parameters.delete());
          op.set("responses", responses(Map.of("200", body, "202", body), OBJECT_MEDIA));
          item.set("delete", op);
        }
        default -> {
          // Other verbs (list, watch) have no path of their own on a subresource.
        }
      }
    }
    putIfOperations(paths, prefix + scope + d.resource() + "/{name}/" + sub.name(), item);
  }

  private ObjectNode replace(Gvk gvk, String id, String description, ObjectNode schema) {
    ObjectNode op = op("put", id, description, gvk);
    params(op, Parameters.write());
    op.set("requestBody", body(schema, BODY_MEDIA, true));
    op.set("responses", responses(Map.of("200", schema, "201", schema), OBJECT_MEDIA));
    return op;
  }

  private ObjectNode patch(Gvk gvk, String id, String description, ObjectNode schema) {
    ObjectNode op = op("patch", id, description, gvk);
    params(op, Parameters.patch());
    op.set("requestBody", body(schemas.ref(Patch.class), PATCH_MEDIA, true));
    op.set("responses", responses(Map.of("200", schema, "201", schema), OBJECT_MEDIA));
    return op;
  }

  private static List<ObjectNode> connectParameters(String subresource) {
    return switch (subresource) {
      case "exec" -> Parameters.streams(true);
      case "attach" -> Parameters.streams(false);
      case "portforward" -> List.of(Parameters.query("ports", "integer", "the ports to forward"));
      case "proxy" -> List.of(Parameters.query("path", "string", "the path to proxy to"));
      default -> List.of();
    };
  }

  private ObjectNode op(String action, String id, String description, Gvk gvk) {
    ObjectNode op = NODES.objectNode();
    op.put("description", description);
    op.put("operationId", id);
    op.putArray("tags").add(tag);
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk.toJson());
    return op;
  }

  /** A path item with the path-level parameters of a resource path. */
  private static ObjectNode pathItem(ResourceDefinition d, boolean named) {
    ObjectNode item = NODES.objectNode();
    ArrayNode params = item.putArray("parameters");
    if (named) {
      params.add(Parameters.name(d.kind()));
    }
    if (d.namespaced()) {
      params.add(Parameters.namespace());
    }
    params.add(Parameters.pretty());
    return item;
  }

  private static void putIfOperations(Map<String, ObjectNode> paths, String path, ObjectNode item) {
    if (item.size() > 1) {
      paths.put(path, item);
    }
  }

  private static void params(ObjectNode op, List<ObjectNode> params) {
    if (!params.isEmpty()) {
      params.forEach(op.putArray("parameters")::add);
    }
  }

  static ObjectNode body(ObjectNode schema, List<String> media, boolean required) {
    ObjectNode b = NODES.objectNode();
    b.set("content", content(schema, media));
    if (required) {
      b.put("required", true);
    }
    return b;
  }

  /** Responses by status code, each with the given schema in every media type, plus 401. */
  static ObjectNode responses(Map<String, ObjectNode> byCode, List<String> media) {
    ObjectNode r = NODES.objectNode();
    byCode.forEach(
        (code, schema) -> {
          ObjectNode resp = r.putObject(code);
          resp.set("content", content(schema, media));
          resp.put("description", reason(code));
        });
    r.putObject("401").put("description", "Unauthorized");
    return r;
  }

  private static ObjectNode textResponse(String media) {
    ObjectNode r = NODES.objectNode();
    ObjectNode ok = r.putObject("200");
    ok.putObject("content").putObject(media).putObject("schema").put("type", "string");
    ok.put("description", "OK");
    r.putObject("401").put("description", "Unauthorized");
    return r;
  }

  private static ObjectNode content(ObjectNode schema, List<String> media) {
    ObjectNode c = NODES.objectNode();
    for (String m : media) {
      c.putObject(m).set("schema", schema.deepCopy());
    }
    return c;
  }

  private static String reason(String code) {
    return switch (code) {
      case "200" -> "OK";
      case "201" -> "Created";
      case "202" -> "Accepted";
      default -> code;
    };
  }

  /** The fabric8 list class of a resource ({@code Pod} → {@code PodList}). */
  private static Optional<Class<?>> listClass(ResourceDefinition d) {
    try {
      return Optional.of(
          Class.forName(d.type().getName() + "List", false, d.type().getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
