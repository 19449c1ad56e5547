package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The order of a merged list, as kube-apiserver produces it: the items named by the patch (or by
 * {@code $setElementOrder}) keep the patch's order, the items only the server had keep theirs, and
 * the two runs are interleaved using the server's order as the tie-breaker. An item the server
 * never had therefore goes before the server's items ({@code kubectl patch} adding a container puts
 * it first).
 *
 * <p>Items are identified by their merge key value, or by their own value in lists of scalars,
 * compared with Go's {@code ==}.
 */
final class ListOrder {

  private ListOrder() {}

  /**
   * Sorts {@code patchItems} by {@code patchOrder} and {@code serverOnly} by {@code serverOrder},
   * then interleaves them.
   *
   * @param mapElements whether the lists hold objects (identified by {@code mergeKey})
   */
  static List<JsonNode> normalize(
      List<JsonNode> patchItems,
      List<JsonNode> serverOnly,
      List<JsonNode> patchOrder,
      List<JsonNode> serverOrder,
      String mergeKey,
      boolean mapElements) {
    var sortedPatch = sortBy(patchItems, patchOrder, mergeKey, mapElements);
    var sortedServer = sortBy(serverOnly, serverOrder, mergeKey, mapElements);
    return interleave(sortedServer, sortedPatch, serverOrder, mergeKey, mapElements);
  }

  /**
   * Splits {@code merged} into the scalars that {@code partitionBy} holds and the others, each in
   * {@code merged}'s order.
   *
   * @throws io.vessel.server.api.ApiException the panic answer when either list holds an object or
   *     a list: upstream uses the items as keys of a Go map, which panics on them (reached through
   *     {@code $setElementOrder} on a list of objects without a merge key, such as tolerations)
   */
  static List<List<JsonNode>> partitionScalars(List<JsonNode> merged, List<JsonNode> partitionBy) {
    var wanted = new HashSet<>();
    partitionBy.forEach(v -> wanted.add(hashable(v)));
    var in = new ArrayList<JsonNode>();
    var out = new ArrayList<JsonNode>();
    for (var v : merged) {
      (wanted.contains(hashable(v)) ? in : out).add(v);
    }
    return List.of(in, out);
  }

  private static Object hashable(JsonNode v) {
    if (v.isContainerNode()) {
      throw SmpErrors.panicked();
    }
    return GoValues.key(v);
  }

  /**
   * Splits {@code merged} into the objects whose merge key value {@code partitionBy} holds and the
   * others, each in {@code merged}'s order.
   */
  static List<List<JsonNode>> partitionMaps(
      List<JsonNode> merged, List<JsonNode> partitionBy, String mergeKey) {
    var in = new ArrayList<JsonNode>();
    var out = new ArrayList<JsonNode>();
    for (var v : merged) {
      if (!v.isObject()) {
        throw SmpErrors.badArgType(GoValues.MAP, v);
      }
      var value = v.get(mergeKey);
      if (value == null) {
        throw SmpErrors.noMergeKey(v, mergeKey);
      }
      (indexOfKeyValue(partitionBy, mergeKey, value) >= 0 ? in : out).add(v);
    }
    return List.of(in, out);
  }

  /**
   * The position of the first object in {@code list} whose {@code mergeKey} equals {@code value};
   * -1 if none.
   *
   * @throws io.vessel.server.api.ApiException 500 when an element is not an object
   */
  static int indexOfKeyValue(List<JsonNode> list, String mergeKey, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      var item = list.get(i);
      if (!item.isObject()) {
        throw SmpErrors.valueNotAMap(i);
      }
      var candidate = item.get(mergeKey);
      if (candidate != null && GoValues.equal(candidate, value)) {
        return i;
      }
    }
    return -1;
  }

  private static List<JsonNode> sortBy(
      List<JsonNode> items, List<JsonNode> order, String mergeKey, boolean mapElements) {
    var toSort = new ArrayList<>(items);
    var deleted = new ArrayList<JsonNode>();
    if (mapElements) {
      requireMergeKey(toSort, mergeKey);
      requireMergeKey(order, mergeKey);
      // Deletion markers go to the end, after the ordered items.
      for (var it = toSort.iterator(); it.hasNext(); ) {
        var item = it.next();
        if (Directives.isDeleteElement(item)) {
          deleted.add(item);
          it.remove();
        }
      }
    }
    var positions = positions(order, mergeKey, mapElements);
    GoStableSort.sort(
        toSort,
        (i, j) -> {
          var pi = positions.get(identity(toSort.get(i), mergeKey, mapElements));
          var pj = positions.get(identity(toSort.get(j), mergeKey, mapElements));
          // Upstream's comparison answers "less" whenever either item is not in the order list.
          return pi == null || pj == null || pi < pj;
        });
    toSort.addAll(deleted);
    return toSort;
  }

  /**
   * Merges two sorted runs; {@code right} wins unless both are in {@code order} and left is first.
   */
  private static List<JsonNode> interleave(
      List<JsonNode> left,
      List<JsonNode> right,
      List<JsonNode> order,
      String mergeKey,
      boolean mapElements) {
    var positions = positions(order, mergeKey, mapElements);
    var result = new ArrayList<JsonNode>(left.size() + right.size());
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (i >= left.size()) {
        result.add(right.get(j++));
      } else if (j >= right.size()) {
        result.add(left.get(i++));
      } else {
        var li = positions.get(identity(left.get(i), mergeKey, mapElements));
        var rj = positions.get(identity(right.get(j), mergeKey, mapElements));
        if (li != null && rj != null && li < rj) {
          result.add(left.get(i++));
        } else {
          result.add(right.get(j++));
        }
      }
    }
    return result;
  }

  /** The first position of each identity in {@code order}. */
  private static Map<Object, Integer> positions(
      List<JsonNode> order, String mergeKey, boolean mapElements) {
    var positions = new HashMap<Object, Integer>();
    for (int i = 0; i < order.size(); i++) {
      positions.putIfAbsent(identity(order.get(i), mergeKey, mapElements), i);
    }
    return positions;
  }

  /**
   * What identifies an item: its merge key value for objects (Go's nil when the item is not an
   * object or lacks the key), the item itself for scalars.
   */
  private static Object identity(JsonNode item, String mergeKey, boolean mapElements) {
    if (!mapElements) {
      return GoValues.key(item);
    }
    return GoValues.key(item.isObject() ? item.get(mergeKey) : null);
  }

  private static void requireMergeKey(List<JsonNode> items, String mergeKey) {
    for (var item : items) {
      if (!item.isObject()) {
        throw SmpErrors.badArgType(GoValues.MAP, item);
      }
      if (!item.has(mergeKey)) {
        throw SmpErrors.noMergeKey(item, mergeKey);
      }
    }
  }
}
