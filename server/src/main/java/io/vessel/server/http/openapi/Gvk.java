package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A group, version and kind, as the {@code x-kubernetes-group-version-kind} extension holds it. */
record Gvk(String group, String version, String kind) {

  /**
   * {@code {"group":…,"kind":…,"version":…}}, all three always present: kubectl explain finds a
   * schema by comparing this object for equality with the one on the resource's operations.
   */
  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("group", group);
    n.put("kind", kind);
    n.put("version", version);
    return n;
  }
}
