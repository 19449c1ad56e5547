package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The two tree operations of server-side apply: merging an applied configuration into the live
 * object (structured-merge-diff's {@code Merge}: the configuration wins on every value it
 * specifies; structs and maps merge by field, associative lists and sets by element, atomic values
 * are replaced whole) and removing the fields a manager stopped applying ({@code RemoveItems}).
 */
final class ApplyMerge {
  private ApplyMerge() {}

  /** A new tree: {@code live} with {@code config} merged in; neither argument changes. */
  static JsonNode merge(JsonNode live, JsonNode config, FieldShape shape) {
    if (ObjectFields.absent(config)) {
      return live == null ? null : live.deepCopy();
    }
    if (ObjectFields.absent(live)
        || !ObjectFields.container(live, shape)
        || !ObjectFields.container(config, shape)) {
      return withoutNulls(config);
    }
    return switch (shape.kind()) {
      case STRUCT, MAP -> {
        ObjectNode out = (ObjectNode) live.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
          var e = it.next();
          if (ObjectFields.absent(e.getValue())) {
            continue;
          }
          out.set(e.getKey(), merge(live.get(e.getKey()), e.getValue(), shape.field(e.getKey())));
        }
        yield out;
      }
      default -> mergeList(live, config, shape);
    };
  }

  /**
   * Merges lists element by element in upstream's order: elements of both lists follow the
   * configuration's order, live-only elements stay where they were among them, and new elements
   * come where the configuration has them.
   */
  private static JsonNode mergeList(JsonNode live, JsonNode config, FieldShape shape) {
    Map<String, JsonNode> lhs = ObjectFields.elements(live, shape);
    Map<String, JsonNode> rhs = ObjectFields.elements(config, shape);
    List<String> lOrder = new ArrayList<>(lhs.keySet());
    List<String> rOrder = new ArrayList<>(rhs.keySet());
    Deque<String> shared = new ArrayDeque<>();
    for (String key : rOrder) {
      if (lhs.containsKey(key)) {
        shared.add(key);
      }
    }
    ArrayNode out = Serialization.json().createArrayNode();
    String nextShared = shared.poll();
    int l = 0;
    int r = 0;
    while (l < lOrder.size() || r < rOrder.size()) {
      if (l < lOrder.size() && r < rOrder.size()) {
        String key = lOrder.get(l);
        if (key.equals(rOrder.get(r))) {
          out.add(mergeElement(lhs.get(key), rhs.get(key), shape));
          l++;
          r++;
          nextShared = shared.poll();
          continue;
        }
        if (rhs.containsKey(key) && nextShared != null && !nextShared.equals(key)) {
          l++; // a shared element, emitted when the configuration reaches it
          continue;
        }
      }
      if (l < lOrder.size() && !rhs.containsKey(lOrder.get(l))) {
        out.add(lhs.get(lOrder.get(l)).deepCopy());
        l++;
        continue;
      }
      if (r < rOrder.size()) {
        String key = rOrder.get(r);
        out.add(mergeElement(lhs.get(key), rhs.get(key), shape));
        r++;
        if (key.equals(nextShared)) {
          nextShared = shared.poll();
        }
      } else {
        l++;
      }
    }
    return out;
  }

  private static JsonNode mergeElement(JsonNode live, JsonNode applied, FieldShape list) {
    if (live == null || list.kind() != FieldShape.Kind.ASSOCIATIVE) {
      return withoutNulls(applied);
    }
    return merge(live, applied, list.element());
  }

  private static JsonNode withoutNulls(JsonNode v) {
    if (v.isObject()) {
      ObjectNode out = Serialization.json().createObjectNode();
      v.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  out.set(e.getKey(), withoutNulls(e.getValue()));
                }
              });
      return out;
    }
    if (v.isArray()) {
      ArrayNode out = Serialization.json().createArrayNode();
      v.forEach(item -> out.add(withoutNulls(item)));
      return out;
    }
    return v.deepCopy();
  }

  /** Removes the value at {@code path} from {@code root} (in place), if it is there. */
  static void remove(JsonNode root, List<String> path, FieldShape rootShape) {
    JsonNode node = root;
    FieldShape shape = rootShape;
    for (int i = 0; i < path.size(); i++) {
      String element = path.get(i);
      boolean last = i == path.size() - 1;
      if (element.startsWith("f:")) {
        if (!node.isObject()) {
          return;
        }
        String name = element.substring(2);
        if (last) {
          ((ObjectNode) node).remove(name);
          return;
        }
        node = node.get(name);
        shape = shape.field(name);
      } else if (element.startsWith("k:") || element.startsWith("v:")) {
        if (!node.isArray()) {
          return;
        }
        int at = indexOf(node, element, shape);
        if (at < 0) {
          return;
        }
        if (last) {
          ((ArrayNode) node).remove(at);
          return;
        }
        node = node.get(at);
        shape = shape.element();
      } else {
        return;
      }
      if (node == null || shape == null) {
        return;
      }
    }
  }

  private static int indexOf(JsonNode list, String element, FieldShape shape) {
    for (int i = 0; i < list.size(); i++) {
      if (ObjectFields.element(list.get(i), shape).equals(element)) {
        return i;
      }
    }
    return -1;
  }
}
