package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;

/**
 * Merges a patch object into an object: members merge one by one, {@code null} deletes, {@code
 * $patch} replaces or empties the whole object, {@code $retainKeys} drops the members it does not
 * list, and list members go to {@link ListMerge} with the strategy of their field.
 *
 * <p>Works in place on private copies: both arguments are consumed (the patch loses the directives
 * it has applied), which is why {@link StrategicMergePatch} copies its inputs first.
 */
final class MapMerge {

  private MapMerge() {}

  /**
   * Merges {@code patch} into {@code original} (null counts as an empty object) and returns the
   * result, which is {@code original} itself unless a {@code $patch} directive replaces it.
   */
  static ObjectNode merge(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    var directive = patch.get(Directives.PATCH);
    if (directive != null) {
      return applyDirective(directive, patch);
    }
    var target = original != null ? original : JsonNodeFactory.instance.objectNode();
    retainKeys(target, patch);
    SetElementOrder.apply(target, patch, schema);
    for (var name : Directives.names(patch)) {
      mergeMember(target, name, patch.get(name), schema);
    }
    return target;
  }

  private static void mergeMember(
      ObjectNode target, String name, JsonNode patchValue, PatchSchema schema) {
    var key = name;
    var deleteList = name.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST);
    if (deleteList) {
      key = Directives.fieldOf(name, Directives.DELETE_FROM_PRIMITIVE_LIST);
    }
    if (patchValue.isNull()) {
      // Also for $deleteFromPrimitiveList/<field>: null removes the field itself, as upstream.
      target.remove(key);
      return;
    }
    var originalValue = target.get(key);
    if (originalValue == null || !GoValues.sameType(originalValue, patchValue)) {
      // Nothing to merge with: the patch value is taken, minus what only made sense in a merge.
      // A deletion list for a field that is absent deletes nothing.
      if (!deleteList) {
        Directives.discardNulls(patchValue);
        put(target, key, Directives.withoutPatchDirectives(patchValue));
      }
      return;
    }
    if (patchValue.isObject()) {
      var field = schema.forObject(key);
      var merged =
          FieldStrategy.REPLACE.equals(field.strategy())
              ? (ObjectNode) patchValue
              : merge((ObjectNode) originalValue, (ObjectNode) patchValue, field.schema());
      target.set(key, merged);
    } else if (patchValue.isArray()) {
      var field = schema.forList(key);
      var merged =
          ListMerge.mergeField(
              (ArrayNode) originalValue, (ArrayNode) patchValue, field, deleteList);
      target.set(key, merged.merged());
    } else {
      target.set(key, patchValue);
    }
  }

  /** {@code $patch} on an object: {@code replace} keeps the patch alone, {@code delete} empties. */
  private static ObjectNode applyDirective(JsonNode directive, ObjectNode patch) {
    if (isString(directive, Directives.REPLACE)) {
      patch.remove(Directives.PATCH);
      return patch;
    }
    if (isString(directive, Directives.DELETE)) {
      return JsonNodeFactory.instance.objectNode();
    }
    // Includes "merge": upstream accepts it on list elements only.
    throw SmpErrors.unknownPatchType(directive, patch);
  }

  /**
   * {@code $retainKeys}: every member the patch sets must be listed, and the original keeps only
   * listed members. Removes the directive from the patch.
   */
  private static void retainKeys(ObjectNode original, ObjectNode patch) {
    if (!patch.has(Directives.RETAIN_KEYS)) {
      return;
    }
    var list = patch.remove(Directives.RETAIN_KEYS);
    if (!list.isArray()) {
      throw SmpErrors.badRetainKeysFormat();
    }
    var retained = new HashSet<String>();
    for (var element : list) {
      if (element.isContainerNode()) {
        // Go puts the elements in a map; a map or slice key panics.
        throw SmpErrors.panicked();
      }
      if (element.isTextual()) {
        retained.add(element.textValue());
      }
    }
    for (var member : patch.properties()) {
      var name = member.getKey();
      if (member.getValue().isNull()
          || name.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)
          || name.startsWith(Directives.SET_ELEMENT_ORDER)) {
        continue;
      }
      if (!retained.contains(name)) {
        throw SmpErrors.badRetainKeysFormat();
      }
    }
    for (var name : Directives.names(original)) {
      if (!retained.contains(name)) {
        original.remove(name);
      }
    }
  }

  private static void put(ObjectNode target, String key, JsonNode value) {
    if (value == null) {
      target.remove(key);
    } else {
      target.set(key, value);
    }
  }

  private static boolean isString(JsonNode node, String value) {
    return node.isTextual() && node.textValue().equals(value);
  }
}
