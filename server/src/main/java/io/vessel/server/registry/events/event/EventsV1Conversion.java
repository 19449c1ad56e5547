package io.vessel.server.registry.events.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.VersionConversion;
import java.util.Iterator;
import java.util.Map;

/**
 * events.k8s.io/v1 Events over the stored core/v1 form, as upstream serves both from one storage:
 * the same fields under other names (regarding ↔ involvedObject, note ↔ message, the deprecated*
 * fields ↔ the legacy ones, reportingController ↔ reportingComponent).
 */
public final class EventsV1Conversion
    implements VersionConversion<io.fabric8.kubernetes.api.model.Event, Event> {
  /** events.k8s.io/v1 name → core/v1 name, for the fields that differ. */
  private static final Map<String, String> RENAMES =
      Map.of(
          "regarding", "involvedObject",
          "note", "message",
          "deprecatedSource", "source",
          "deprecatedFirstTimestamp", "firstTimestamp",
          "deprecatedLastTimestamp", "lastTimestamp",
          "deprecatedCount", "count",
          "reportingController", "reportingComponent");

  @Override
  public Class<io.fabric8.kubernetes.api.model.Event> storedType() {
    return io.fabric8.kubernetes.api.model.Event.class;
  }

  @Override
  public io.fabric8.kubernetes.api.model.Event toStored(Event served) {
    ObjectNode tree = rename(Serialization.json().valueToTree(served), false);
    tree.put("apiVersion", "v1");
    return Serialization.decode(tree, io.fabric8.kubernetes.api.model.Event.class).value();
  }

  @Override
  public Event toServed(io.fabric8.kubernetes.api.model.Event stored) {
    ObjectNode tree = rename(Serialization.json().valueToTree(stored), true);
    tree.put("apiVersion", "events.k8s.io/v1");
    return Serialization.decode(tree, Event.class).value();
  }

  /** Renames top-level fields core → events.k8s.io ({@code toEvents}) or back. */
  private static ObjectNode rename(ObjectNode in, boolean toEvents) {
    ObjectNode out = Serialization.json().createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      out.set(name(f.getKey(), toEvents), f.getValue());
    }
    return out;
  }

  private static String name(String field, boolean toEvents) {
    if (!toEvents) {
      return RENAMES.getOrDefault(field, field);
    }
    for (Map.Entry<String, String> e : RENAMES.entrySet()) {
      if (e.getValue().equals(field)) {
        return e.getKey();
      }
    }
    return field;
  }
}
