package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.api.Serialization;
import io.vessel.server.storage.cache.AttrsExtractor;
import io.vessel.server.storage.cache.ObjectAttrs;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Extracts labels and each resource's selectable fields from stored bytes, for selectors. */
public final class CatalogAttrs implements AttrsExtractor {
  private final ResourceCatalog catalog;

  public CatalogAttrs(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public ObjectAttrs extract(String resource, byte[] value) {
    try {
      return of(catalog.byStorageResource(resource).orElse(null), Serialization.json().readTree(value));
    } catch (IOException e) {
      return ObjectAttrs.NONE;
    }
  }

  /** Attributes of an already parsed object; {@code def} may be null (then only metadata). */
  public static ObjectAttrs of(ResourceDefinition def, JsonNode obj) {
    Map<String, String> labels = new HashMap<>();
    JsonNode l = obj.path("metadata").path("labels");
    for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      labels.put(e.getKey(), e.getValue().asText());
    }
    Map<String, String> fields = new HashMap<>();
    if (def != null) {
      for (Map.Entry<String, String> f : def.selectableFields().entrySet()) {
        JsonNode v = obj.at(f.getValue());
        fields.put(f.getKey(), v.isMissingNode() || v.isNull() ? "" : v.asText());
      }
    } else {
      fields.put("metadata.name", obj.path("metadata").path("name").asText(""));
      fields.put("metadata.namespace", obj.path("metadata").path("namespace").asText(""));
    }
    return new ObjectAttrs(labels, fields);
  }
}
