package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategic merge patch directives and the clean-up of patch values that are copied in without
 * merging.
 */
final class Directives {

  /** {@code $patch}: {@code replace}, {@code delete} or (in lists, refused) {@code merge}. */
  static final String PATCH = "$patch";

  static final String REPLACE = "replace";
  static final String DELETE = "delete";
  static final String MERGE = "merge";

  /** {@code $retainKeys}: the only keys an object keeps. */
  static final String RETAIN_KEYS = "$retainKeys";

  /** {@code $deleteFromPrimitiveList/<field>}: scalars to remove from a merged list. */
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  /** {@code $setElementOrder/<field>}: the order of a merged list after the patch. */
  static final String SET_ELEMENT_ORDER = "$setElementOrder";

  private Directives() {}

  /** A snapshot of the member names of {@code object}, in document order. */
  static List<String> names(ObjectNode object) {
    var names = new ArrayList<String>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Whether {@code value} is an object carrying {@code $patch}. */
  static boolean hasPatchDirective(JsonNode value) {
    return value != null && value.isObject() && value.has(PATCH);
  }

  /** Whether {@code value} is an object whose {@code $patch} is the string {@code delete}. */
  static boolean isDeleteElement(JsonNode value) {
    var directive = value.get(PATCH);
    return directive != null && directive.isTextual() && directive.textValue().equals(DELETE);
  }

  /**
   * The field name behind a prefixed directive key ({@code $setElementOrder/containers} gives
   * {@code containers}).
   *
   * @throws io.vessel.server.api.patch.PatchException 400 when the key is not {@code
   *     <prefix>/<field>}
   */
  static String fieldOf(String key, String prefix) {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
      throw prefix.equals(SET_ELEMENT_ORDER)
          ? SmpErrors.badSetElementOrderFormat()
          : SmpErrors.badPrimitiveListFormat();
    }
    return key.substring(slash + 1);
  }

  /**
   * A patch value as it is stored when there is nothing to merge it with: objects carrying {@code
   * $patch} vanish (the result is null when {@code value} itself is one), everything else is kept,
   * other directives included. Mutates {@code value}.
   */
  static JsonNode withoutPatchDirectives(JsonNode value) {
    if (value == null || value.isNull()) {
      return value;
    }
    if (value.isObject()) {
      if (value.has(PATCH)) {
        return null;
      }
      var object = (ObjectNode) value;
      for (var name : names(object)) {
        var kept = withoutPatchDirectives(object.get(name));
        if (kept == null) {
          object.remove(name);
        } else {
          object.set(name, kept);
        }
      }
      return object;
    }
    if (value.isArray()) {
      var array = (ArrayNode) value;
      var kept = array.arrayNode();
      for (var element : array) {
        var k = withoutPatchDirectives(element);
        if (k != null) {
          kept.add(k);
        }
      }
      return kept;
    }
    return value;
  }

  /** Removes every {@code null} member of every object inside {@code value}. Mutates it. */
  static void discardNulls(JsonNode value) {
    if (value instanceof ObjectNode object) {
      for (var name : names(object)) {
        var member = object.get(name);
        if (member.isNull()) {
          object.remove(name);
        } else {
          discardNulls(member);
        }
      }
    } else if (value instanceof ArrayNode array) {
      array.forEach(Directives::discardNulls);
    }
  }
}
