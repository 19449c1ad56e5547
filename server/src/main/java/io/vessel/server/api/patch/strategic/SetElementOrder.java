package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code $setElementOrder/<field>}: the order a list must have after the patch, sent by {@code
 * kubectl apply} and {@code kubectl edit} next to (or instead of) the list's patch. The list is
 * merged first; then the elements the directive names follow its order and the others keep their
 * place relative to the server's order. Precedence: directive, then the patch, then the server. The
 * server's order is the original as upstream's merge leaves it ({@link SharedBacking}), not as it
 * was sent.
 */
final class SetElementOrder {

  private SetElementOrder() {}

  /**
   * Applies every {@code $setElementOrder/...} member of {@code patch} to {@code original} and
   * removes it, together with the list patch it ordered, from {@code patch}.
   */
  static void apply(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    for (var name : Directives.names(patch)) {
      if (name.startsWith(Directives.SET_ELEMENT_ORDER) && patch.has(name)) {
        applyOne(original, patch, name, schema);
      }
    }
  }

  private static void applyOne(
      ObjectNode original, ObjectNode patch, String name, PatchSchema schema) {
    var order = patch.remove(name);
    if (!order.isArray()) {
      throw SmpErrors.badArgType(GoValues.SLICE, order);
    }
    var field = Directives.fieldOf(name, Directives.SET_ELEMENT_ORDER);
    var foundOriginal = original.has(field);
    var foundPatch = patch.has(field);
    var originalList = listOrNull(original.get(field));
    var patchList = listOrNull(patch.get(field));
    var lookup = schema.forList(field);
    var mergeKey = lookup.mergeKey();
    var orderList = ListMerge.list((ArrayNode) order);
    validate(patchList == null ? List.of() : patchList, orderList, order, mergeKey);

    List<JsonNode> merged;
    // The server's order: the original as the merge left it (see SharedBacking).
    var serverOrder = originalList == null ? List.<JsonNode>of() : originalList;
    if (foundOriginal && foundPatch) {
      var result =
          ListMerge.mergeField(
              (ArrayNode) original.get(field), (ArrayNode) patch.get(field), lookup, false);
      merged = ListMerge.list(result.merged());
      serverOrder = result.originalAfter();
    } else if (foundOriginal) {
      merged = originalList;
    } else if (foundPatch) {
      merged = ListMerge.list((ArrayNode) Directives.withoutPatchDirectives(patch.get(field)));
    } else {
      return;
    }
    var parts =
        mergeKey.isEmpty()
            ? ListOrder.partitionScalars(merged, orderList)
            : ListOrder.partitionMaps(merged, orderList, mergeKey);
    var objects = ListMerge.holdsObjects(serverOrder, patchList == null ? List.of() : patchList);
    var ordered =
        ListOrder.normalize(parts.get(0), parts.get(1), orderList, serverOrder, mergeKey, objects);
    var result = JsonNodeFactory.instance.arrayNode(ordered.size());
    ordered.forEach(result::add);
    original.set(field, result);
    patch.remove(field);
  }

  private static List<JsonNode> listOrNull(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw SmpErrors.badArgType(GoValues.SLICE, value);
    }
    return ListMerge.list((ArrayNode) value);
  }

  /**
   * Checks that the patch's elements appear in the directive, in the same relative order; elements
   * that carry a directive are skipped.
   */
  private static void validate(
      List<JsonNode> patchList, List<JsonNode> orderList, JsonNode order, String mergeKey) {
    if (orderList.isEmpty() || patchList.isEmpty()) {
      return;
    }
    var candidates = new ArrayList<JsonNode>();
    for (var element : patchList) {
      if (!mergeKey.isEmpty()) {
        if (!element.isObject()) {
          throw SmpErrors.badArgType(GoValues.MAP, element);
        }
        if (Directives.isDeleteElement(element)) {
          continue;
        }
      }
      candidates.add(element);
    }
    int p = 0;
    int o = 0;
    while (p < candidates.size() && o < orderList.size()) {
      if (Directives.hasPatchDirective(candidates.get(p))) {
        p++;
        continue;
      }
      if (sameElement(candidates.get(p), orderList.get(o), mergeKey)) {
        p++;
      }
      o++;
    }
    if (p < candidates.size() && o >= orderList.size()) {
      var patchArray = JsonNodeFactory.instance.arrayNode();
      patchList.forEach(patchArray::add);
      throw SmpErrors.orderMismatch(patchArray, order);
    }
  }

  private static boolean sameElement(JsonNode left, JsonNode right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      if (left.isContainerNode() && GoValues.sameType(left, right)) {
        // Go compares the two with ==, which panics on maps and slices.
        throw SmpErrors.panicked();
      }
      return GoValues.equal(left, right);
    }
    if (!left.isObject()) {
      throw SmpErrors.badArgType(GoValues.MAP, left);
    }
    if (!right.isObject()) {
      throw SmpErrors.badArgType(GoValues.MAP, right);
    }
    var leftValue = left.get(mergeKey);
    if (leftValue == null) {
      throw SmpErrors.noMergeKey(left, mergeKey);
    }
    var rightValue = right.get(mergeKey);
    if (rightValue == null) {
      throw SmpErrors.noMergeKey(right, mergeKey);
    }
    return GoValues.equal(leftValue, rightValue);
  }
}
