package io.vessel.server.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BuiltinResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupVersionDocumentTest {
  private static final OpenApiDocuments DOCS = OpenApiDocuments.generate(TestCatalogs.wide());

  @ParameterizedTest(name = "field validation, {0} {1}/{2}, is found the way kubectl looks for it")
  @CsvSource({
    "api/v1, '', Pod",
    "api/v1, '', Namespace",
    "api/v1, '', Service",
    "apis/apps/v1, apps, Deployment",
    "apis/apps/v1, autoscaling, Scale",
    "apis/autoscaling/v2, autoscaling, HorizontalPodAutoscaler",
    "apis/apiextensions.k8s.io/v1, apiextensions.k8s.io, CustomResourceDefinition"
  })
  void fieldValidationOnPatch(String path, String group, String kind) throws IOException {
    // Given the document kubectl's QueryParamVerifierV3 downloads
    JsonNode doc = doc(path);
    String version = path.substring(path.lastIndexOf('/') + 1);
    // When it visits the PATCH operations of that GVK (in any order: Go ranges over a map)
    List<JsonNode> patches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
      JsonNode op = p.getValue().path("patch");
      JsonNode gvk = op.path("x-kubernetes-group-version-kind");
      if (gvk.path("group").asText().equals(group)
          && gvk.path("version").asText().equals(version)
          && gvk.path("kind").asText().equals(kind)) {
        patches.add(op);
      }
    }
    // Then there is one, and each has fieldValidation among its own parameters
    assertThat(patches).isNotEmpty();
    for (JsonNode op : patches) {
      assertThat(paramNames(op)).contains("fieldValidation", "dryRun", "fieldManager", "force");
    }
  }

  @Test
  @DisplayName("operations, every write, carry fieldValidation, dryRun and fieldManager")
  void writeParameters() throws IOException {
    for (String path : DOCS.paths()) {
      for (Map.Entry<String, JsonNode> p : doc(path).path("paths").properties()) {
        for (String method : List.of("post", "put", "patch")) {
          JsonNode op = p.getValue().path(method);
          if (op.isMissingNode() || op.path("x-kubernetes-action").asText().equals("connect")) {
            continue;
          }
          assertThat(paramNames(op))
              .as("%s %s", method, p.getKey())
              .contains("fieldValidation", "dryRun", "fieldManager");
        }
      }
    }
  }

  @Test
  @DisplayName("operations, pod paths, have the actions and GVK their verbs allow")
  void podOperations() throws IOException {
    JsonNode paths = doc("api/v1").path("paths");
    JsonNode collection = paths.path("/api/v1/namespaces/{namespace}/pods");
    assertThat(action(collection, "get")).isEqualTo("list");
    assertThat(action(collection, "post")).isEqualTo("post");
    assertThat(action(collection, "delete")).isEqualTo("deletecollection");
    assertThat(paramNames(collection.path("get")))
        .contains(
            "labelSelector",
            "fieldSelector",
            "limit",
            "continue",
            "resourceVersion",
            "resourceVersionMatch",
            "watch",
            "timeoutSeconds",
            "allowWatchBookmarks",
            "sendInitialEvents");
    JsonNode item = paths.path("/api/v1/namespaces/{namespace}/pods/{name}");
    assertThat(action(item, "get")).isEqualTo("get");
    assertThat(action(item, "put")).isEqualTo("put");
    assertThat(action(item, "patch")).isEqualTo("patch");
    assertThat(action(item, "delete")).isEqualTo("delete");
    assertThat(item.path("patch").path("x-kubernetes-group-version-kind"))
        .isEqualTo(gvk("", "v1", "Pod"));
    assertThat(action(paths.path("/api/v1/pods"), "get")).isEqualTo("list");
    assertThat(action(paths.path("/api/v1/watch/namespaces/{namespace}/pods"), "get"))
        .isEqualTo("watchlist");
    assertThat(action(paths.path("/api/v1/watch/namespaces/{namespace}/pods/{name}"), "get"))
        .isEqualTo("watch");
    assertThat(names(paths.path("/api/v1/namespaces/{namespace}/pods/{name}/status")))
        .containsExactlyInAnyOrder("get", "patch", "put", "parameters");
    assertThat(action(paths.path("/api/v1/namespaces/{namespace}/pods/{name}/exec"), "post"))
        .isEqualTo("connect");
    assertThat(
            paths
                .path("/api/v1/namespaces/{namespace}/pods/{name}/eviction")
                .path("post")
                .path("x-kubernetes-group-version-kind"))
        .isEqualTo(gvk("policy", "v1", "Eviction"));
  }

  @Test
  @DisplayName("operations, a resource without deletecollection, have no collection delete")
  void verbsLimitOperations() throws IOException {
    JsonNode paths = doc("api/v1").path("paths");
    assertThat(paths.path("/api/v1/namespaces").has("delete")).isFalse();
    assertThat(paths.path("/api/v1/namespaces").has("get")).isTrue();
    assertThat(names(paths.path("/api/v1/namespaces/{name}/finalize")))
        .containsExactlyInAnyOrder("put", "parameters");
  }

  @Test
  @DisplayName("bodies, patch, offer the four patch types and answer JSON and YAML")
  void patchBodies() throws IOException {
    JsonNode patch =
        doc("apis/apps/v1")
            .path("paths")
            .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
            .path("patch");
    assertThat(names(patch.path("requestBody").path("content")))
        .containsExactlyInAnyOrder(
            "application/apply-patch+yaml",
            "application/json-patch+json",
            "application/merge-patch+json",
            "application/strategic-merge-patch+json");
    assertThat(names(patch.path("responses").path("200").path("content")))
        .containsExactlyInAnyOrder("application/json", "application/yaml");
    assertThat(
            patch
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.Deployment");
  }

  @Test
  @DisplayName("refs, every document, point at schemas the document defines")
  void refsResolve() throws IOException {
    for (String path : DOCS.paths()) {
      JsonNode doc = doc(path);
      Set<String> refs = new TreeSet<>();
      collectRefs(doc, refs);
      assertThat(refs).as(path).isNotEmpty();
      for (String ref : refs) {
        assertThat(ref).startsWith("#/components/schemas/");
        String name = ref.substring("#/components/schemas/".length());
        assertThat(doc.path("components").path("schemas").has(name))
            .as("%s in %s", ref, path)
            .isTrue();
      }
    }
  }

  @Test
  @DisplayName("builtin catalog, every document, resolves refs and validates fields on PATCH")
  void builtinCatalog() throws IOException {
    // Given whatever the server serves today (the catalog grows with every kind added)
    OpenApiDocuments builtin = OpenApiDocuments.generate(BuiltinResources.catalog());
    for (String path : builtin.paths()) {
      JsonNode doc = Serialization.json().readTree(builtin.document(path).orElseThrow().bytes());
      // Then every reference names a schema of the document
      Set<String> refs = new TreeSet<>();
      collectRefs(doc, refs);
      for (String ref : refs) {
        String name = ref.substring("#/components/schemas/".length());
        assertThat(doc.path("components").path("schemas").has(name))
            .as("%s in %s", ref, path)
            .isTrue();
      }
      // And every PATCH names its GVK and takes fieldValidation
      for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
        JsonNode patch = p.getValue().path("patch");
        if (!patch.isMissingNode()) {
          assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
              .as(p.getKey())
              .isNotEmpty();
          assertThat(paramNames(patch)).as(p.getKey()).contains("fieldValidation");
        }
      }
    }
  }

  @Test
  @DisplayName("explain, a resource path, finds exactly one schema with the operation's GVK")
  void explainFindsKind() throws IOException {
    // kubectl explain reads the GVK off the resource's operations and looks for the schema whose
    // GVK list contains an equal object.
    JsonNode doc = doc("apis/apps/v1");
    JsonNode opGvk =
        doc.path("paths")
            .path("/apis/apps/v1/namespaces/{namespace}/deployments")
            .path("get")
            .path("x-kubernetes-group-version-kind");
    List<String> matches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> s : doc.path("components").path("schemas").properties()) {
      for (JsonNode g : s.getValue().path("x-kubernetes-group-version-kind")) {
        if (g.equals(opGvk)) {
          matches.add(s.getKey());
        }
      }
    }
    assertThat(matches).containsExactly("io.k8s.api.apps.v1.Deployment");
  }

  @Test
  @DisplayName("schemas, apps/v1, include the foreign Scale kind with its GVK")
  void foreignSubresourceKind() throws IOException {
    JsonNode scale =
        doc("apis/apps/v1")
            .path("components")
            .path("schemas")
            .path("io.k8s.api.autoscaling.v1.Scale");
    assertThat(scale.path("x-kubernetes-group-version-kind").get(0))
        .isEqualTo(gvk("autoscaling", "v1", "Scale"));
  }

  private static JsonNode doc(String path) throws IOException {
    return Serialization.json().readTree(DOCS.document(path).orElseThrow().bytes());
  }

  static JsonNode gvk(String group, String version, String kind) {
    return new Gvk(group, version, kind).toJson();
  }

  private static String action(JsonNode pathItem, String method) {
    return pathItem.path(method).path("x-kubernetes-action").asText();
  }

  private static List<String> paramNames(JsonNode op) {
    List<String> names = new ArrayList<>();
    op.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  private static List<String> names(JsonNode object) {
    return OpenApiDocumentsTest.names(object);
  }

  static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        // JSONSchemaProps has a property named "$ref": only a string value is a reference.
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
