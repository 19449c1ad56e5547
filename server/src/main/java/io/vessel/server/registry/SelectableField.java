package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where a field selector label reads its value in the stored JSON: the first of {@code pointers}
 * that holds a non-empty value, else {@code absent}. Upstream computes these values in Go ({@code
 * ToSelectableFields}); a missing boolean, for instance, selects as "false" there.
 */
public record SelectableField(List<String> pointers, String absent) {

  public static SelectableField at(String pointer) {
    return new SelectableField(List.of(pointer), "");
  }

  public String valueIn(JsonNode obj) {
    for (String pointer : pointers) {
      JsonNode v = obj.at(pointer);
      if (!v.isMissingNode() && !v.isNull() && !v.asText().isEmpty()) {
        return v.asText();
      }
    }
    return absent;
  }
}
