package io.vessel.server.storage.cache;

import java.util.Map;

/**
 * What selectors look at: an object's labels and its selectable fields ({@code metadata.name},
 * {@code status.phase}, …), extracted once per stored version.
 */
public record ObjectAttrs(Map<String, String> labels, Map<String, String> fields) {
  public static final ObjectAttrs NONE = new ObjectAttrs(Map.of(), Map.of());
}
