package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The OpenAPI v2 (Swagger 2.0) document, derived from the v3 schemas of all group-versions. Only
 * {@code definitions} are carried, with their GVK and patch extensions: kubectl 1.28 downloads
 * {@code /openapi/v2} before {@code apply}, {@code create} and {@code explain} and gives up if it
 * cannot, yet with a v3 document at hand it validates on the server and explains from v3, and it
 * uses v2 only to look kinds up for client-side strategic merge patches. Paths are left out: only
 * v2 field-validation checks read them, and kubectl asks v3 for those.
 *
 * <p>v2 has no {@code allOf} and {@code oneOf} in kube-openapi's reading of it, so a wrapped
 * reference becomes a plain {@code $ref} and the two union types (Quantity, IntOrString) become the
 * strings they are on the wire, as upstream's v2 document has them.
 */
final class SwaggerV2Document {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String V3_REFS = "#/components/schemas/";
  private static final String V2_REFS = "#/definitions/";

  private SwaggerV2Document() {}

  /** The document for these v3 schemas, by name. */
  static ObjectNode build(Map<String, JsonNode> schemas) {
    ObjectNode doc = NODES.objectNode();
    doc.put("swagger", "2.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "unversioned");
    doc.putObject("paths");
    ObjectNode definitions = doc.putObject("definitions");
    schemas.forEach((name, schema) -> definitions.set(name, convert(schema)));
    return GroupVersionDocument.sorted(doc);
  }

  /** A v2 copy of a v3 schema. */
  static ObjectNode convert(JsonNode v3) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : v3.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "$ref" -> out.put("$ref", V2_REFS + value.asText().substring(V3_REFS.length()));
        case "allOf" -> {
          // Upstream's v3 wraps a single reference; v2 refers directly.
          if (value.size() == 1 && value.get(0).has("$ref")) {
            out.setAll(convert(value.get(0)));
          }
        }
        case "oneOf" -> out.put("type", "string");
        case "default", "x-kubernetes-int-or-string" -> {
          // Neither exists in upstream's v2 document.
        }
        case "properties" -> {
          ObjectNode props = out.putObject("properties");
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            props.set(p.getKey(), convert(p.getValue()));
          }
        }
        case "items", "additionalProperties" -> out.set(key, convert(value));
        default -> out.set(key, value.deepCopy());
      }
    }
    return out;
  }
}
