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
      return of(catalog.storageFields(resource), Serialization.json().readTree(value));
    } catch (IOException e) {
      return ObjectAttrs.NONE;
    }
  }

  /** Attributes of an already parsed object; {@code def} may be null (then only metadata). */
  public static ObjectAttrs of(ResourceDefinition def, JsonNode obj) {
    return of(def == null ? Map.of() : def.selectableFields(), obj);
  }

  private static ObjectAttrs of(Map<String, SelectableField> selectable, JsonNode obj) {
    Map<String, String> labels = new HashMap<>();
    JsonNode l = obj.path("metadata").path("labels");
    for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      labels.put(e.getKey(), e.getValue().asText());
    }
    Map<String, String> fields = new HashMap<>();
    for (Map.Entry<String, SelectableField> f : selectable.entrySet()) {
      fields.put(f.getKey(), f.getValue().valueIn(obj));
    }
    fields.putIfAbsent("metadata.name", obj.path("metadata").path("name").asText(""));
    fields.putIfAbsent("metadata.namespace", obj.path("metadata").path("namespace").asText(""));
    return new ObjectAttrs(labels, fields);
  }
}
