package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One decoded watch event, {@code {"type": ..., "object": ...}}.
 *
 * @param type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR
 * @param object the object carried by the event
 */
public record WatchEvent(String type, JsonNode object) {

  /** {@code object.metadata.name}, or an empty string. */
  public String name() {
    return object.path("metadata").path("name").asText();
  }

  @Override
  public String toString() {
    return type + " " + Json.write(object);
  }
}
