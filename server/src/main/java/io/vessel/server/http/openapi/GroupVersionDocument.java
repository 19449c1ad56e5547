package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.vessel.server.registry.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the OpenAPI 3.0 document of one group-version, as kube-apiserver serves at {@code
 * /openapi/v3/api/v1} and {@code /openapi/v3/apis/<group>/<version>}: the paths of every resource
 * the catalog serves there, and the schemas of every type those paths use. Object keys are sorted
 * throughout, as upstream's are, which also makes the bytes (and so the hash) depend only on the
 * content.
 */
final class GroupVersionDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GroupVersionDocument() {}

  static ObjectNode build(String group, String version, List<ResourceDefinition> resources) {
    ModelSchemas schemas = new ModelSchemas();
    ResourcePaths builder =
        new ResourcePaths(group, version, schemas, idPrefix(group, version), tag(group, version));
    Map<String, ObjectNode> paths = new TreeMap<>();
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    paths.put(prefix + "/", resourceList(schemas, group, version));
    for (ResourceDefinition d : resources) {
      builder.addTo(paths, d);
    }

    ObjectNode doc = NODES.objectNode();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "unversioned");
    ObjectNode p = doc.putObject("paths");
    paths.forEach(p::set);
    ObjectNode components = doc.putObject("components").putObject("schemas");
    schemas.schemas().forEach(components::set);
    return sorted(doc);
  }

  private static ObjectNode resourceList(ModelSchemas schemas, String group, String version) {
    ObjectNode op = NODES.objectNode();
    op.put("description", "lists the resources served in this group-version");
    op.put("operationId", "get" + idPrefix(group, version) + "APIResources");
    op.set(
        "responses",
        ResourcePaths.responses(
            Map.of("200", schemas.ref(APIResourceList.class)), ResourcePaths.OBJECT_MEDIA));
    op.putArray("tags").add(tag(group, version));
    ObjectNode item = NODES.objectNode();
    item.set("get", op);
    return item;
  }

  /** {@code CoreV1}, {@code AppsV1}, {@code RbacAuthorizationV1}: upstream's operation-id infix. */
  static String idPrefix(String group, String version) {
    StringBuilder sb = new StringBuilder();
    for (String part : groupWords(group)) {
      sb.append(ResourcePaths.capitalize(part));
    }
    return sb.append(ResourcePaths.capitalize(version)).toString();
  }

  /** {@code core_v1}, {@code apps_v1}, {@code rbacAuthorization_v1}. */
  static String tag(String group, String version) {
    String camel = idPrefix(group, "");
    return Character.toLowerCase(camel.charAt(0)) + camel.substring(1) + "_" + version;
  }

  private static List<String> groupWords(String group) {
    if (group.isEmpty()) {
      return List.of("core");
    }
    String g =
        group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
    List<String> words = new ArrayList<>();
    for (String w : g.split("[.-]")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** A copy of {@code node} with the keys of every object in sorted order. */
  static <T extends JsonNode> T sorted(T node) {
    if (node.isObject()) {
      ObjectNode in = (ObjectNode) node;
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : in.properties()) {
        fields.put(e.getKey(), sorted(e.getValue()));
      }
      in.removeAll();
      fields.forEach(in::set);
    } else if (node.isArray()) {
      node.forEach(GroupVersionDocument::sorted);
    }
    return node;
  }
}
