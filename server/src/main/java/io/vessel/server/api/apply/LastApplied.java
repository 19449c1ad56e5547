package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What server-side apply does for objects that client-side {@code kubectl apply} managed, for the
 * field manager {@code kubectl} only (upstream's {@code lastAppliedManager} and {@code
 * lastAppliedUpdater}): conflicts on fields whose live value still equals the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation are not conflicts, the apply takes
 * them over; and an object that carries the annotation gets it rewritten to the applied
 * configuration, so a later client-side apply computes its patch from what was applied last.
 */
final class LastApplied {
  static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
  static final String KUBECTL = "kubectl";

  private LastApplied() {}

  /**
   * The fields of {@code live}'s last-applied configuration whose live value is unchanged; null
   * when it has no (readable) annotation.
   */
  static FieldSet allowedConflicts(JsonNode live, FieldShape shape) {
    String text = annotation(live);
    if (text.isEmpty()) {
      return null;
    }
    JsonNode lastApplied;
    try {
      lastApplied = Serialization.json().readTree(text);
    } catch (IOException e) {
      return null;
    }
    if (lastApplied == null || !lastApplied.isObject()) {
      return null;
    }
    var cmp = ObjectFields.compare(lastApplied, live, shape);
    return ObjectFields.toSet(lastApplied, shape)
        .difference(cmp.modified())
        .difference(cmp.added())
        .difference(cmp.removed());
  }

  /** Rewrites the annotation of {@code result} to {@code config}, if {@code result} has one. */
  static void update(ObjectNode result, JsonNode config) {
    if (annotation(result).isEmpty()) {
      return;
    }
    ObjectNode value = config.deepCopy();
    JsonNode annotations = value.path("metadata").get("annotations");
    if (annotations instanceof ObjectNode a) {
      a.remove(ANNOTATION);
      if (a.isEmpty()) {
        ((ObjectNode) value.get("metadata")).remove("annotations");
      }
    }
    ((ObjectNode) result.get("metadata").get("annotations"))
        .put(ANNOTATION, sorted(value).toString());
  }

  private static String annotation(JsonNode obj) {
    return obj.path("metadata").path("annotations").path(ANNOTATION).asText("");
  }

  /** Keys in sorted order at every level, as Go encodes a map. */
  private static JsonNode sorted(JsonNode v) {
    if (v.isObject()) {
      List<String> names = new ArrayList<>();
      v.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = Serialization.json().createObjectNode();
      for (String n : names) {
        out.set(n, sorted(v.get(n)));
      }
      return out;
    }
    if (v.isArray()) {
      ArrayNode out = Serialization.json().createArrayNode();
      v.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return v;
  }
}
