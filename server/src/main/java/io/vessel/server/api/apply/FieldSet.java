package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of field paths in structured-merge-diff's shape, the value of a managedFields entry's
 * {@code fieldsV1}. A path is a list of path elements written as upstream serializes them: {@code
 * f:<field>} (a struct field or map key), {@code k:{"name":"x"}} (an associative list element by
 * its keys), {@code v:<json>} (a set element) and {@code i:<n>} (a list index). A node is a
 * <em>member</em> when its own path is in the set, as opposed to only being a prefix of members;
 * FieldsV1 writes a member with children as {@code ".": {}}.
 *
 * <p>Not thread-safe; sets are built and read by one request.
 */
public final class FieldSet {
  /** Upstream's order of path elements: fields, then keys, values and indexes; then by text. */
  private static final Comparator<String> ORDER =
      Comparator.comparingInt(FieldSet::rank).thenComparing(Comparator.naturalOrder());

  private boolean member;
  private final TreeMap<String, FieldSet> children = new TreeMap<>(ORDER);

  public static FieldSet empty() {
    return new FieldSet();
  }

  private static int rank(String element) {
    return switch (element.isEmpty() ? ' ' : element.charAt(0)) {
      case 'f' -> 0;
      case 'k' -> 1;
      case 'v' -> 2;
      case 'i' -> 3;
      default -> 4;
    };
  }

  /** Adds {@code path}; the empty path (the object itself) is never a member. */
  public FieldSet insert(List<String> path) {
    if (path.isEmpty()) {
      return this;
    }
    FieldSet node = this;
    for (String element : path) {
      node = node.children.computeIfAbsent(element, e -> new FieldSet());
    }
    node.member = true;
    return this;
  }

  public boolean has(List<String> path) {
    FieldSet node = node(path);
    return node != null && node.member && !path.isEmpty();
  }

  /** Whether some member lies strictly below {@code path}. */
  public boolean hasDescendants(List<String> path) {
    FieldSet node = node(path);
    return node != null && node.count() - (node.member ? 1 : 0) > 0;
  }

  private int count() {
    int n = member ? 1 : 0;
    for (FieldSet c : children.values()) {
      n += c.count();
    }
    return n;
  }

  private FieldSet node(List<String> path) {
    FieldSet node = this;
    for (String element : path) {
      node = node.children.get(element);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  /** Every member path, parents before children, in FieldsV1 order. */
  public List<List<String>> members() {
    List<List<String>> out = new ArrayList<>();
    collect(new ArrayList<>(), out);
    return out;
  }

  private void collect(List<String> prefix, List<List<String>> out) {
    if (member) {
      out.add(List.copyOf(prefix));
    }
    for (Map.Entry<String, FieldSet> e : children.entrySet()) {
      prefix.add(e.getKey());
      e.getValue().collect(prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  public FieldSet union(FieldSet other) {
    FieldSet out = copy();
    for (List<String> p : other.members()) {
      out.insert(p);
    }
    return out;
  }

  public FieldSet difference(FieldSet other) {
    FieldSet out = new FieldSet();
    for (List<String> p : members()) {
      if (!other.has(p)) {
        out.insert(p);
      }
    }
    return out;
  }

  public FieldSet intersection(FieldSet other) {
    FieldSet out = new FieldSet();
    for (List<String> p : members()) {
      if (other.has(p)) {
        out.insert(p);
      }
    }
    return out;
  }

  /** The members under {@code prefix} and {@code prefix} itself. */
  public FieldSet under(List<String> prefix) {
    FieldSet out = new FieldSet();
    for (List<String> p : members()) {
      if (p.size() >= prefix.size() && p.subList(0, prefix.size()).equals(prefix)) {
        out.insert(p);
      }
    }
    return out;
  }

  public FieldSet copy() {
    FieldSet out = new FieldSet();
    out.member = member;
    children.forEach((k, v) -> out.children.put(k, v.copy()));
    return out;
  }

  /** The FieldsV1 form: {@code {"f:spec":{"f:replicas":{}}}}, {@code ".": {}} for inner members. */
  public ObjectNode toFieldsV1() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (member && !children.isEmpty()) {
      node.putObject(".");
    }
    children.forEach(
        (k, v) -> {
          if (v.count() > 0) {
            node.set(k, v.toFieldsV1());
          }
        });
    return node;
  }

  /** Reads a FieldsV1 value; throws IllegalArgumentException on anything else. */
  public static FieldSet fromFieldsV1(JsonNode node) {
    FieldSet set = new FieldSet();
    read(node, new ArrayList<>(), set);
    return set;
  }

  private static void read(JsonNode node, List<String> prefix, FieldSet set) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected an object at " + describe(prefix));
    }
    if (node.isEmpty()) {
      set.insert(prefix);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(".")) {
        set.insert(prefix);
        continue;
      }
      if (e.getKey().length() < 2 || e.getKey().charAt(1) != ':' || rank(e.getKey()) > 3) {
        throw new IllegalArgumentException("unexpected path element " + e.getKey());
      }
      prefix.add(e.getKey());
      read(e.getValue(), prefix, set);
      prefix.remove(prefix.size() - 1);
    }
  }

  /**
   * A path as upstream prints it in conflict messages: {@code .spec.replicas}, {@code
   * .spec.containers[name="x"].image}, {@code .metadata.finalizers[="a"]}, {@code .args[0]}.
   */
  public static String describe(List<String> path) {
    StringBuilder sb = new StringBuilder();
    for (String element : path) {
      String body = element.substring(2);
      switch (element.charAt(0)) {
        case 'f' -> sb.append('.').append(body);
        case 'k' -> sb.append('[').append(describeKeys(body)).append(']');
        case 'v' -> sb.append("[=").append(body).append(']');
        default -> sb.append('[').append(body).append(']');
      }
    }
    return sb.toString();
  }

  private static String describeKeys(String json) {
    try {
      JsonNode keys = Serialization.json().readTree(json);
      StringBuilder sb = new StringBuilder();
      keys.fields()
          .forEachRemaining(
              e -> sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append('=')
                  .append(e.getValue().toString()));
      return sb.toString();
    } catch (IOException e) {
      return json;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet other && members().equals(other.members());
  }

  @Override
  public int hashCode() {
    return members().hashCode();
  }

  @Override
  public String toString() {
    return toFieldsV1().toString();
  }
}
