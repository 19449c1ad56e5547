package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/**
 * Renders objects as a meta.k8s.io Table with the resource's columns. Each row carries the object
 * as {@code includeObject} asks: PartialObjectMetadata by default (kubectl reads the namespace and
 * labels from it), the whole object, or nothing.
 */
public final class TableWriter {
  private TableWriter() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ObjectNode table(
      ResourceDefinition def,
      String version,
      List<HasMetadata> objects,
      String includeObject,
      String rv,
      String continueToken,
      Long remaining) {
    TableConvertor convertor = def.table();
    ObjectNode t = Serialization.json().createObjectNode();
    t.put("kind", "Table");
    t.put("apiVersion", "meta.k8s.io/" + version);
    ObjectNode meta = t.putObject("metadata");
    if (rv != null) {
      meta.put("resourceVersion", rv);
    }
    if (continueToken != null) {
      meta.put("continue", continueToken);
    }
    if (remaining != null) {
      meta.put("remainingItemCount", remaining);
    }
    ArrayNode columns = t.putArray("columnDefinitions");
    for (TableColumn c : (List<TableColumn>) convertor.columns()) {
      ObjectNode cn = columns.addObject();
      cn.put("name", c.name());
      cn.put("type", c.type());
      cn.put("format", c.format());
      cn.put("description", c.description());
      cn.put("priority", c.priority());
    }
    ArrayNode rows = t.putArray("rows");
    Instant now = Instant.now();
    for (HasMetadata obj : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Object cell : (List<Object>) convertor.cells(obj, now)) {
        cells.add(Serialization.json().valueToTree(cell));
      }
      JsonNode rowObject = rowObject(obj, includeObject, version);
      if (rowObject != null) {
        row.set("object", rowObject);
      }
    }
    return t;
  }

  private static JsonNode rowObject(HasMetadata obj, String includeObject, String version) {
    if ("None".equals(includeObject)) {
      return null;
    }
    JsonNode full = ObjectCodec.tree(obj);
    if ("Object".equals(includeObject)) {
      return full;
    }
    ObjectNode partial = Serialization.json().createObjectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/" + version);
    partial.set("metadata", full.get("metadata"));
    return partial;
  }
}
