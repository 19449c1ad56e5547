package io.vessel.server.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BuiltinResources;
import io.vessel.server.registry.ResourceCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {
  private static final OpenApiDocuments WIDE = OpenApiDocuments.generate(TestCatalogs.wide());

  @Test
  @DisplayName("index, a catalog of several groups, lists every served group-version")
  void indexListsEveryGroupVersion() throws IOException {
    // Given a catalog with core, apps, coordination, rbac, apiextensions and autoscaling v1 + v2
    // When
    JsonNode index = Serialization.json().readTree(WIDE.index().bytes());
    // Then
    assertThat(names(index.path("paths")))
        .containsExactly(
            "api/v1",
            "apis/apiextensions.k8s.io/v1",
            "apis/apps/v1",
            "apis/autoscaling/v1",
            "apis/autoscaling/v2",
            "apis/coordination.k8s.io/v1",
            "apis/rbac.authorization.k8s.io/v1");
    assertThat(WIDE.paths()).containsExactlyElementsOf(names(index.path("paths")));
  }

  @Test
  @DisplayName("index, the builtin catalog, lists what the catalog serves")
  void indexMatchesBuiltinCatalog() {
    ResourceCatalog catalog = BuiltinResources.catalog();
    OpenApiDocuments docs = OpenApiDocuments.generate(catalog);
    List<String> expected = new ArrayList<>();
    if (catalog.servesGroupVersion("", "v1")) {
      expected.add("api/v1");
    }
    catalog.groups().forEach((g, vs) -> vs.forEach(v -> expected.add("apis/" + g + "/" + v)));
    assertThat(docs.paths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("index, each entry, points at its document with the document's hash")
  void indexUrlsCarryHashes() throws IOException {
    JsonNode index = Serialization.json().readTree(WIDE.index().bytes());
    for (String path : WIDE.paths()) {
      String hash = WIDE.document(path).orElseThrow().hash();
      assertThat(index.path("paths").path(path).path("serverRelativeURL").asText())
          .isEqualTo("/openapi/v3/" + path + "?hash=" + hash);
    }
  }

  @Test
  @DisplayName("hash, a document, is the uppercase hex SHA-512 of its bytes")
  void hashIsSha512() {
    OpenApiDocuments.Document doc = WIDE.document("api/v1").orElseThrow();
    assertThat(doc.hash()).hasSize(128).matches("[0-9A-F]+");
    assertThat(doc.hash()).isEqualTo(OpenApiDocuments.sha512Hex(doc.bytes()));
  }

  @Test
  @DisplayName("hash, the same catalog generated twice, is the same")
  void hashIsStable() {
    // Given two generations of the same catalog
    OpenApiDocuments again = OpenApiDocuments.generate(TestCatalogs.wide());
    // Then every document, the index and v2 hash alike
    for (String path : WIDE.paths()) {
      assertThat(again.document(path).orElseThrow().hash())
          .as(path)
          .isEqualTo(WIDE.document(path).orElseThrow().hash());
    }
    assertThat(again.index().hash()).isEqualTo(WIDE.index().hash());
    assertThat(again.v2Protobuf().hash()).isEqualTo(WIDE.v2Protobuf().hash());
  }

  @Test
  @DisplayName("document, an unserved group-version, is absent")
  void unknownGroupVersion() {
    assertThat(WIDE.document("apis/example.com/v1")).isEmpty();
    assertThat(WIDE.document("apis/apps")).isEmpty();
  }

  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      names.add(e.getKey());
    }
    return names;
  }
}
