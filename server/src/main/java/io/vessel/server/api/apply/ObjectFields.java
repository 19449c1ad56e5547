package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The field sets of JSON objects under a {@link FieldShape}: the set an applied configuration
 * specifies (structured-merge-diff's {@code ToFieldSet}) and what changed between two versions
 * ({@code Compare}: added, modified, removed). JSON nulls count as absent.
 */
final class ObjectFields {
  /** Key fields upstream defaults when an element leaves them out. */
  private static final Map<String, String> KEY_DEFAULTS = Map.of("protocol", "TCP");

  /** Go fields without omitempty, present (as null) in an empty object: pod containers. */
  private static final Set<String> ALWAYS_SERIALIZED = Set.of("f:containers");

  private ObjectFields() {}

  /** What compare found; each set holds paths, as in upstream's {@code typed.Comparison}. */
  record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    boolean isEmpty() {
      return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    FieldSet changed() {
      return added.union(modified);
    }
  }

  /**
   * The set of fields {@code value} specifies: every leaf, every atomic value, every element of
   * an associative list, set or map; not the structs that hold them.
   */
  static FieldSet toSet(JsonNode value, FieldShape shape) {
    FieldSet set = FieldSet.empty();
    walk(value, shape, new ArrayList<>(), set);
    return set;
  }

  private static void walk(JsonNode v, FieldShape shape, List<String> path, FieldSet set) {
    if (!container(v, shape)) {
      set.insert(path);
      return;
    }
    switch (shape.kind()) {
      case STRUCT, MAP -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          var e = it.next();
          if (absent(e.getValue())) {
            continue;
          }
          path.add("f:" + e.getKey());
          FieldShape child = shape.field(e.getKey());
          walk(e.getValue(), child, path, set);
          // Map keys are members; struct fields only through what they hold (an empty struct
          // holds nothing, as upstream's ToFieldSet).
          if (shape.kind() == FieldShape.Kind.MAP) {
            set.insert(path);
          }
          path.remove(path.size() - 1);
        }
      }
      case ASSOCIATIVE, SET -> {
        for (JsonNode item : v) {
          path.add(element(item, shape));
          set.insert(path);
          if (shape.kind() == FieldShape.Kind.ASSOCIATIVE) {
            walk(item, shape.element(), path, set);
          }
          path.remove(path.size() - 1);
        }
      }
      default -> set.insert(path);
    }
  }

  /** Whether {@code v} is a value this shape descends into (an object, or a list of a list). */
  static boolean container(JsonNode v, FieldShape shape) {
    return switch (shape.kind()) {
      case STRUCT, MAP -> v.isObject();
      case ASSOCIATIVE, SET -> v.isArray();
      default -> false;
    };
  }

  static boolean absent(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  /** The path element of a list element: {@code k:{...}} by its keys, or {@code v:<json>}. */
  static String element(JsonNode item, FieldShape list) {
    if (list.kind() == FieldShape.Kind.SET) {
      return "v:" + item.toString();
    }
    TreeMap<String, JsonNode> keys = new TreeMap<>();
    for (String k : list.keys()) {
      JsonNode kv = item.get(k);
      if (absent(kv) && KEY_DEFAULTS.containsKey(k)) {
        kv = Serialization.json().getNodeFactory().textNode(KEY_DEFAULTS.get(k));
      }
      if (!absent(kv)) {
        keys.put(k, kv);
      }
    }
    ObjectNode key = Serialization.json().createObjectNode();
    keys.forEach(key::set);
    return "k:" + key;
  }

  /** The elements of a list by their path elements, in list order (later duplicates win). */
  static Map<String, JsonNode> elements(JsonNode list, FieldShape shape) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        out.put(element(item, shape), item);
      }
    }
    return out;
  }

  /** What changed from {@code lhs} to {@code rhs}. */
  static Comparison compare(JsonNode lhs, JsonNode rhs, FieldShape shape) {
    var c = new Comparison(FieldSet.empty(), FieldSet.empty(), FieldSet.empty());
    compare(lhs, rhs, shape, new ArrayList<>(), c);
    return c;
  }

  private static void compare(
      JsonNode l, JsonNode r, FieldShape shape, List<String> path, Comparison c) {
    boolean noL = absent(l);
    boolean noR = absent(r);
    if (noL && noR) {
      return;
    }
    if (noL) {
      // A new struct is not tracked itself (Go serializes most structs empty rather than absent,
      // so upstream sees them as already there); what it holds is. The same goes for the lists
      // Go always serializes (null when empty).
      boolean alwaysThere =
          container(r, shape)
              && ((shape.kind() == FieldShape.Kind.STRUCT && !r.isEmpty())
                  || (!path.isEmpty() && ALWAYS_SERIALIZED.contains(path.get(path.size() - 1))));
      if (!alwaysThere) {
        c.added().insert(path);
      }
      if (container(r, shape)) {
        children(null, r, shape, path, c);
      }
      return;
    }
    if (noR) {
      c.removed().insert(path);
      if (container(l, shape)) {
        children(l, null, shape, path, c);
      }
      return;
    }
    if (!container(l, shape) || !container(r, shape)) {
      if (!l.equals(r)) {
        c.modified().insert(path);
      }
      return;
    }
    children(l, r, shape, path, c);
  }

  private static void children(
      JsonNode l, JsonNode r, FieldShape shape, List<String> path, Comparison c) {
    switch (shape.kind()) {
      case STRUCT, MAP -> {
        Set<String> names = new LinkedHashSet<>();
        if (l != null) {
          l.fieldNames().forEachRemaining(names::add);
        }
        if (r != null) {
          r.fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
          path.add("f:" + name);
          compare(
              l == null ? null : l.get(name),
              r == null ? null : r.get(name),
              shape.field(name),
              path,
              c);
          path.remove(path.size() - 1);
        }
      }
      default -> {
        Map<String, JsonNode> le = elements(l, shape);
        Map<String, JsonNode> re = elements(r, shape);
        Set<String> keys = new LinkedHashSet<>(le.keySet());
        keys.addAll(re.keySet());
        FieldShape elementShape =
            shape.kind() == FieldShape.Kind.ASSOCIATIVE ? shape.element() : FieldShape.ATOMIC;
        for (String key : keys) {
          path.add(key);
          JsonNode li = le.get(key);
          JsonNode ri = re.get(key);
          if (li == null || ri == null) {
            // Elements are tracked themselves, whatever they hold.
            (li == null ? c.added() : c.removed()).insert(path);
          }
          compare(li, ri, elementShape, path, c);
          path.remove(path.size() - 1);
        }
      }
    }
  }
}
