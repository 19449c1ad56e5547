package io.vessel.server.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.ResourceCatalog;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI documents of a catalog, generated once and then served from memory: one v3 document
 * per served group-version, keyed by its path under {@code /openapi/v3} ({@code api/v1}, {@code
 * apis/apps/v1}), the index that lists them, and the v2 document in JSON and in gnostic protobuf.
 * Immutable after construction, so any thread may read it.
 */
public final class OpenApiDocuments {
  private final Map<String, Document> byPath;
  private final Document index;
  private final Document v2Json;
  private final Document v2Protobuf;
  private final Instant generated;

  /**
   * A serialized document and its hash: uppercase hex SHA-512 of the bytes, kube-openapi's ETag and
   * the {@code hash} of the index's URLs.
   */
  public record Document(byte[] bytes, String hash) {
    static Document of(ObjectNode node) {
      try {
        return of(Serialization.json().writeValueAsBytes(node));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Document of(byte[] bytes) {
      return new Document(bytes, sha512Hex(bytes));
    }
  }

  private OpenApiDocuments(
      Map<String, Document> byPath, Document index, ObjectNode v2, Instant generated) {
    this.byPath = byPath;
    this.index = index;
    this.v2Json = Document.of(v2);
    this.v2Protobuf = Document.of(GnosticV2Encoder.encode(v2));
    this.generated = generated;
  }

  /** Generates the documents of every group-version the catalog serves. */
  public static OpenApiDocuments generate(ResourceCatalog catalog) {
    Map<String, Document> docs = new TreeMap<>();
    Map<String, JsonNode> allSchemas = new TreeMap<>();
    for (Map.Entry<String, List<String>> gv : groupVersions(catalog).entrySet()) {
      for (String version : gv.getValue()) {
        String group = gv.getKey();
        ObjectNode doc =
            GroupVersionDocument.build(group, version, catalog.inGroupVersion(group, version));
        docs.put(path(group, version), Document.of(doc));
        for (Map.Entry<String, JsonNode> s : doc.path("components").path("schemas").properties()) {
          allSchemas.putIfAbsent(s.getKey(), s.getValue());
        }
      }
    }
    ObjectNode index = JsonNodeFactory.instance.objectNode();
    ObjectNode paths = index.putObject("paths");
    docs.forEach(
        (path, doc) ->
            paths
                .putObject(path)
                .put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + doc.hash()));
    return new OpenApiDocuments(
        Map.copyOf(docs), Document.of(index), SwaggerV2Document.build(allSchemas), Instant.now());
  }

  /** The index, {@code {"paths":{"api/v1":{"serverRelativeURL":…},…}}}. */
  public Document index() {
    return index;
  }

  /** The document at {@code path} ({@code api/v1}, {@code apis/apps/v1}), if served. */
  public Optional<Document> document(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The v2 document as JSON. */
  public Document v2Json() {
    return v2Json;
  }

  /** The v2 document as a gnostic {@code openapi.v2.Document} protobuf message. */
  public Document v2Protobuf() {
    return v2Protobuf;
  }

  /** The paths of all v3 documents, sorted. */
  public List<String> paths() {
    return List.copyOf(new TreeMap<>(byPath).keySet());
  }

  /** When the documents were generated; served as Last-Modified. */
  public Instant generated() {
    return generated;
  }

  /** {@code api/v1} for the core group, {@code apis/<group>/<version>} otherwise. */
  public static String path(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  private static Map<String, List<String>> groupVersions(ResourceCatalog catalog) {
    Map<String, List<String>> gvs = new LinkedHashMap<>();
    if (catalog.servesGroupVersion("", "v1")) {
      gvs.put("", List.of("v1"));
    }
    gvs.putAll(catalog.groups());
    return gvs;
  }

  static String sha512Hex(byte[] bytes) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-512", e);
    }
  }
}
