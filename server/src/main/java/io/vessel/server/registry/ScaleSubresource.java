package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import java.util.Map;

/**
 * The autoscaling/v1 {@code Scale} view of a replicated object (deployments, replica sets, stateful
 * sets, replication controllers): its identity, {@code spec.replicas}, {@code status.replicas} and
 * its pod selector as a string. Writing a Scale changes only the object's {@code spec.replicas},
 * conditioned on the Scale's resourceVersion when it names one.
 */
public final class ScaleSubresource {
  private ScaleSubresource() {}

  /** The Scale of an object, from its JSON form. */
  public static ObjectNode scaleOf(JsonNode obj) {
    ObjectNode scale = Serialization.json().createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    JsonNode from = obj.path("metadata");
    for (String f :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (from.has(f)) {
        meta.set(f, from.get(f));
      }
    }
    ObjectNode spec = scale.putObject("spec");
    int wanted = obj.path("spec").path("replicas").asInt(0);
    if (wanted != 0) {
      spec.put("replicas", wanted); // upstream omits a zero
    }
    ObjectNode status = scale.putObject("status");
    status.put("replicas", obj.path("status").path("replicas").asInt(0));
    String selector = selector(obj.path("spec").path("selector"));
    if (!selector.isEmpty()) {
      status.put("selector", selector);
    }
    return scale;
  }

  public static Scale decode(JsonNode scale) {
    return Serialization.decode(scale, Scale.class).value();
  }

  /**
   * The object with the replicas the Scale asks for; its resourceVersion becomes the Scale's (a
   * precondition) or, without one, is dropped (an unconditional write). Throws 422 for negative
   * replicas.
   */
  public static ObjectNode applyTo(JsonNode obj, JsonNode scale) {
    JsonNode replicas = scale.path("spec").path("replicas");
    boolean absent = replicas.isMissingNode() || replicas.isNull();
    int value = absent ? 0 : replicas.asInt();
    if (value < 0 || (!absent && !replicas.isIntegralNumber())) {
      String name = obj.path("metadata").path("name").asText();
      Object shown = replicas.isNumber() ? (Object) value : replicas.asText();
      new FieldErrors()
          .invalid("spec.replicas", shown, "must be greater than or equal to 0")
          .throwIfAny("Scale", "autoscaling", name);
    }
    ObjectNode out = obj.deepCopy();
    child(out, "spec").put("replicas", value);
    String rv = scale.path("metadata").path("resourceVersion").asText("");
    if (rv.isEmpty()) {
      child(out, "metadata").remove("resourceVersion");
    } else {
      child(out, "metadata").put("resourceVersion", rv);
    }
    return out;
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    JsonNode c = parent.get(field);
    return c instanceof ObjectNode o ? o : parent.putObject(field);
  }

  /** A label selector object or a replication controller's label map, as selector text. */
  static String selector(JsonNode selector) {
    if (!selector.isObject()) {
      return "";
    }
    boolean labelSelector = selector.has("matchLabels") || selector.has("matchExpressions");
    LabelSelector s;
    if (labelSelector) {
      s = Serialization.json().convertValue(selector, LabelSelector.class);
    } else {
      s = new LabelSelector();
      @SuppressWarnings("unchecked")
      Map<String, String> labels = Serialization.json().convertValue(selector, Map.class);
      s.setMatchLabels(labels);
    }
    return TableCells.selectorText(s);
  }
}
