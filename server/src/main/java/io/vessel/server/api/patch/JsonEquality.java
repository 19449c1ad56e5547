package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Equality of JSON values for the {@code test} operation (RFC 6902 section 4.6): same type, numbers
 * equal by value ({@code 1} equals {@code 1.0}), strings by code points, objects by members
 * regardless of order, arrays element by element.
 */
final class JsonEquality {

  private JsonEquality() {}

  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (var member : a.properties()) {
        var other = b.get(member.getKey());
        if (other == null || !equal(member.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      while (left.hasNext()) {
        if (!equal(left.next(), right.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
