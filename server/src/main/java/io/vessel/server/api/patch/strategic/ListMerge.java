package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Merges a patch list into a list. Fields without the {@code merge} strategy are replaced whole.
 * Merged lists of scalars become the union of both; merged lists of objects match elements by merge
 * key, merge matching pairs with {@link MapMerge}, add the rest, and honour the element directives
 * {@code $patch: delete} (drop the element with that key) and {@code $patch: replace} (the patch's
 * elements become the list). A {@code $deleteFromPrimitiveList} list removes its scalars. The
 * result is ordered by {@link ListOrder}.
 */
final class ListMerge {

  /**
   * A merged list, and the original as upstream's caller sees it afterwards ({@link
   * SharedBacking}).
   */
  record Result(ArrayNode merged, List<JsonNode> originalAfter) {}

  private ListMerge() {}

  /** Merges the list field described by {@code field}; consumes both arrays. */
  static Result mergeField(
      ArrayNode original, ArrayNode patch, PatchSchema.Lookup field, boolean deleteList) {
    var originalList = list(original);
    // Deletion lists apply whatever the field's strategy, as upstream.
    if (!FieldStrategy.MERGE.equals(field.strategy()) && !deleteList) {
      return new Result(patch, originalList);
    }
    var backing = new SharedBacking(originalList);
    var merged =
        merge(originalList, list(patch), field.schema(), field.mergeKey(), deleteList, backing);
    var result = JsonNodeFactory.instance.arrayNode(merged.size());
    merged.forEach(result::add);
    return new Result(result, backing.callerView());
  }

  /**
   * Whether the elements of both lists are objects. Upstream requires every element of both to have
   * one Go type, and refuses lists of lists.
   *
   * @throws io.vessel.server.api.patch.PatchException 422 for a list of lists
   * @throws io.vessel.server.api.ApiException 500 for mixed element types or no element at all
   */
  static boolean holdsObjects(List<JsonNode> original, List<JsonNode> patch) {
    String type = null;
    boolean first = true;
    for (var list : List.of(original, patch)) {
      for (var element : list) {
        var elementType = GoValues.typeName(element);
        if (first) {
          if (elementType == null) {
            throw SmpErrors.panicked();
          }
          if (element.isArray()) {
            throw SmpErrors.listOfLists();
          }
          type = elementType;
          first = false;
        } else if (!type.equals(elementType)) {
          throw SmpErrors.elementTypesDiffer(array(original), array(patch));
        }
      }
    }
    if (first) {
      throw SmpErrors.noElements();
    }
    return type.equals(GoValues.MAP);
  }

  static List<JsonNode> list(ArrayNode array) {
    var list = new ArrayList<JsonNode>(array.size());
    array.forEach(list::add);
    return list;
  }

  private static List<JsonNode> merge(
      List<JsonNode> original,
      List<JsonNode> patch,
      PatchSchema elements,
      String mergeKey,
      boolean deleteList,
      SharedBacking backing) {
    if (original.isEmpty() && patch.isEmpty()) {
      return original;
    }
    var objects = holdsObjects(original, patch);
    List<JsonNode> merged;
    if (!objects) {
      if (deleteList) {
        return without(original, patch);
      }
      merged = union(original, patch);
    } else {
      if (mergeKey.isEmpty()) {
        throw SmpErrors.noMergeKeyDeclared(elements.goKind());
      }
      var split = applyElementDirectives(original, patch, mergeKey, backing);
      original = split.original();
      patch = split.patch();
      // After $patch: replace the elements are added to a new list, not to the original's array.
      merged = mergeByKey(original, patch, mergeKey, elements, split.replaced() ? null : backing);
    }
    var parts =
        mergeKey.isEmpty()
            ? ListOrder.partitionScalars(merged, patch)
            : ListOrder.partitionMaps(merged, patch, mergeKey);
    return ListOrder.normalize(parts.get(0), parts.get(1), patch, original, mergeKey, objects);
  }

  /** Both lists' scalars without repeats. Their order is settled afterwards by ListOrder. */
  private static List<JsonNode> union(List<JsonNode> original, List<JsonNode> patch) {
    var seen = new LinkedHashMap<Object, JsonNode>();
    for (var list : List.of(original, patch)) {
      for (var v : list) {
        seen.putIfAbsent(GoValues.key(v), v);
      }
    }
    return new ArrayList<>(seen.values());
  }

  private static List<JsonNode> without(List<JsonNode> original, List<JsonNode> toDelete) {
    var deleted = new HashSet<>();
    toDelete.forEach(v -> deleted.add(GoValues.key(v)));
    var kept = new ArrayList<JsonNode>();
    for (var v : original) {
      if (!deleted.contains(GoValues.key(v))) {
        kept.add(v);
      }
    }
    return kept;
  }

  /**
   * A list of objects after its {@code $patch} elements: what is left of the original (the patch's
   * plain elements after {@code $patch: replace}) and the plain elements still to merge into it.
   */
  private record Split(List<JsonNode> original, List<JsonNode> patch, boolean replaced) {}

  /** Applies the elements that carry {@code $patch}, recording deletions in {@code backing}. */
  private static Split applyElementDirectives(
      List<JsonNode> original, List<JsonNode> patch, String mergeKey, SharedBacking backing) {
    var rest = new ArrayList<JsonNode>();
    var remaining = new ArrayList<>(original);
    var replace = false;
    for (var element : patch) {
      var directive = element.get(Directives.PATCH);
      if (directive == null) {
        rest.add(element);
      } else if (isString(directive, Directives.DELETE)) {
        var keyValue = element.get(mergeKey);
        if (keyValue == null) {
          throw SmpErrors.noMergeKey(element, mergeKey);
        }
        deleteMatching(remaining, mergeKey, keyValue, backing);
      } else if (isString(directive, Directives.REPLACE)) {
        // Keeps scanning: later deletion markers still have to be valid.
        replace = true;
      } else if (isString(directive, Directives.MERGE)) {
        throw SmpErrors.mergeDirectiveInList();
      } else {
        throw SmpErrors.unknownPatchType(directive, element);
      }
    }
    return replace ? new Split(rest, List.of(), true) : new Split(remaining, rest, false);
  }

  private static void deleteMatching(
      List<JsonNode> list, String mergeKey, JsonNode keyValue, SharedBacking backing) {
    for (int i = ListOrder.indexOfKeyValue(list, mergeKey, keyValue);
        i >= 0;
        i = ListOrder.indexOfKeyValue(list, mergeKey, keyValue)) {
      list.remove(i);
      backing.remove(i);
    }
  }

  /**
   * Merges plain elements by key into {@code original}, appending those it lacks; {@code backing}
   * (null when the elements go to a new list) records the appends.
   */
  private static List<JsonNode> mergeByKey(
      List<JsonNode> original,
      List<JsonNode> patch,
      String mergeKey,
      PatchSchema elements,
      SharedBacking backing) {
    var merged = new ArrayList<>(original);
    for (var element : patch) {
      var keyValue = element.get(mergeKey);
      if (keyValue == null) {
        throw SmpErrors.noMergeKey(element, mergeKey);
      }
      // Searches what has been merged so far, so repeated keys in the patch merge together.
      int i = ListOrder.indexOfKeyValue(merged, mergeKey, keyValue);
      if (i >= 0) {
        merged.set(i, MapMerge.merge((ObjectNode) merged.get(i), (ObjectNode) element, elements));
      } else {
        merged.add(element);
        if (backing != null) {
          backing.append(element);
        }
      }
    }
    return merged;
  }

  private static ArrayNode array(List<JsonNode> list) {
    var array = JsonNodeFactory.instance.arrayNode(list.size());
    list.forEach(array::add);
    return array;
  }

  private static boolean isString(JsonNode node, String value) {
    return node.isTextual() && node.textValue().equals(value);
  }
}
