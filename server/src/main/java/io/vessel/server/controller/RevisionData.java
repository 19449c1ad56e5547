package io.vessel.server.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.vessel.kit.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code data} of a StatefulSet's or DaemonSet's ControllerRevision, as upstream writes it: a
 * strategic merge patch {@code {"spec":{"template":{..., "$patch":"replace"}}}} that, applied to
 * the owner, restores that template whole.
 */
public final class RevisionData {
  private RevisionData() {}

  public static Object of(PodTemplateSpec template) {
    ObjectNode t = Json.mapper().valueToTree(template);
    t.put("$patch", "replace");
    ObjectNode data = Json.mapper().createObjectNode();
    data.putObject("spec").set("template", t);
    return Json.mapper().convertValue(data, Object.class);
  }

  /**
   * Whether {@code cr} records {@code template} (upstream compares the patch bytes). Both sides
   * go through JSON text first: a tree built from the model holds 30 as a long where one read
   * from the wire holds an int, and Jackson's nodes of different number types are never equal.
   */
  public static boolean records(ControllerRevision cr, PodTemplateSpec template) {
    return wire(of(template)).equals(wire(cr.getData()));
  }

  private static JsonNode wire(Object value) {
    try {
      return Json.mapper().readTree(Json.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pod template a revision recorded. */
  public static PodTemplateSpec template(ControllerRevision cr) {
    JsonNode data = Json.mapper().valueToTree(cr.getData());
    JsonNode template = data.path("spec").path("template");
    if (template instanceof ObjectNode o) {
      o.remove("$patch");
    }
    return Json.mapper().convertValue(template, PodTemplateSpec.class);
  }
}
