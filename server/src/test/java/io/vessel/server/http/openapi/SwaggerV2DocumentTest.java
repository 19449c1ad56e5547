package io.vessel.server.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SwaggerV2DocumentTest {
  private static final OpenApiDocuments DOCS = OpenApiDocuments.generate(TestCatalogs.wide());

  @Test
  @DisplayName("v2 JSON, all group-versions, has every kind under definitions with v2 refs")
  void json() throws IOException {
    JsonNode doc = Serialization.json().readTree(DOCS.v2Json().bytes());
    assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
    JsonNode defs = doc.path("definitions");
    assertThat(defs.has("io.k8s.api.core.v1.Pod")).isTrue();
    assertThat(defs.has("io.k8s.api.apps.v1.Deployment")).isTrue();
    assertThat(defs.has("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler")).isTrue();
    // A wrapped v3 reference becomes a plain v2 one; unions become strings.
    assertThat(
            defs.path("io.k8s.api.core.v1.Pod")
                .path("properties")
                .path("spec")
                .path("$ref")
                .asText())
        .isEqualTo("#/definitions/io.k8s.api.core.v1.PodSpec");
    assertThat(defs.path("io.k8s.apimachinery.pkg.util.intstr.IntOrString").path("type").asText())
        .isEqualTo("string");
    Set<String> refs = new TreeSet<>();
    GroupVersionDocumentTest.collectRefs(doc, refs);
    for (String ref : refs) {
      assertThat(defs.has(ref.substring("#/definitions/".length()))).as(ref).isTrue();
    }
  }

  @Test
  @DisplayName("v2 protobuf, decoded by field number, is the gnostic Document of the JSON")
  void protobuf() throws IOException {
    // Given the gnostic encoding (openapi.v2.Document)
    UnknownFieldSet doc = UnknownFieldSet.parseFrom(DOCS.v2Protobuf().bytes());
    // Then swagger (1) is "2.0" and definitions (9) hold one NamedSchema per JSON definition
    assertThat(string(doc, 1)).isEqualTo("2.0");
    Map<String, UnknownFieldSet> defs = named(message(doc, 9), 1);
    JsonNode json = Serialization.json().readTree(DOCS.v2Json().bytes()).path("definitions");
    assertThat(defs.keySet()).containsExactlyElementsOf(OpenApiDocumentsTest.names(json));
    // And Pod's schema has type (22) object, properties (25) and its GVK vendor extension (31)
    UnknownFieldSet pod = defs.get("io.k8s.api.core.v1.Pod");
    assertThat(string(message(pod, 22), 1)).isEqualTo("object");
    assertThat(named(message(pod, 25), 1))
        .containsKeys("apiVersion", "kind", "metadata", "spec", "status");
    Map<String, UnknownFieldSet> extensions = named(pod, 31);
    String gvkYaml = string(extensions.get("x-kubernetes-group-version-kind"), 2);
    assertThat(Serialization.json().readTree(gvkYaml).get(0))
        .isEqualTo(new Gvk("", "v1", "Pod").toJson());
    // And a property that refers elsewhere carries only its $ref (1)
    UnknownFieldSet spec = named(message(pod, 25), 1).get("spec");
    assertThat(string(spec, 1)).isEqualTo("#/definitions/io.k8s.api.core.v1.PodSpec");
  }

  /** The (name = 1, value = 2) pairs of a repeated Named* field, values parsed as messages. */
  private static Map<String, UnknownFieldSet> named(UnknownFieldSet m, int field)
      throws InvalidProtocolBufferException {
    Map<String, UnknownFieldSet> out = new LinkedHashMap<>();
    for (ByteString entry : m.getField(field).getLengthDelimitedList()) {
      UnknownFieldSet pair = UnknownFieldSet.parseFrom(entry);
      out.put(string(pair, 1), message(pair, 2));
    }
    return out;
  }

  private static UnknownFieldSet message(UnknownFieldSet m, int field)
      throws InvalidProtocolBufferException {
    return UnknownFieldSet.parseFrom(m.getField(field).getLengthDelimitedList().get(0));
  }

  private static String string(UnknownFieldSet m, int field) {
    return m.getField(field).getLengthDelimitedList().get(0).toStringUtf8();
  }
}
