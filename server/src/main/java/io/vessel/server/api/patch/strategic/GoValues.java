package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;

/**
 * How kube-apiserver's Go code sees a decoded JSON value ({@code map[string]interface{}}, {@code
 * []interface{}}, {@code string}, {@code bool}, {@code int64}, {@code float64} or {@code nil}): its
 * type name, its {@code ==} equality and its {@code fmt} {@code %v} / {@code %s} text. Needed
 * because the merge compares values the way Go does and error messages print them.
 *
 * <p>Integers that fit in 64 bits are {@code int64} (the apiserver decodes patches with {@code
 * UnmarshalCaseSensitivePreserveInts}); any other number is {@code float64}.
 */
final class GoValues {

  static final String MAP = "map[string]interface {}";
  static final String SLICE = "[]interface {}";

  private GoValues() {}

  /** Go's dynamic type name of the value; null for JSON {@code null}, which is Go's untyped nil. */
  static String typeName(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isObject()) {
      return MAP;
    }
    if (v.isArray()) {
      return SLICE;
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isNumber()) {
      return isInt64(v) ? "int64" : "float64";
    }
    return "string";
  }

  /** Whether two values have the same Go dynamic type. */
  static boolean sameType(JsonNode a, JsonNode b) {
    var ta = typeName(a);
    var tb = typeName(b);
    return ta == null ? tb == null : ta.equals(tb);
  }

  /**
   * Go's {@code ==} on two interface values holding these. Maps and slices are not comparable in Go
   * (it would panic); they count as unequal here, which only matters for malformed patches.
   */
  static boolean equal(JsonNode a, JsonNode b) {
    if (!sameType(a, b)) {
      return false;
    }
    if (a == null || a.isNull() || a.isMissingNode()) {
      return true;
    }
    if (a.isContainerNode()) {
      return false;
    }
    if (a.isNumber()) {
      return isInt64(a) ? a.longValue() == b.longValue() : a.doubleValue() == b.doubleValue();
    }
    return a.equals(b);
  }

  /**
   * A hashable stand-in for a scalar with Go's equality; containers are only equal to themselves.
   */
  static Object key(JsonNode v) {
    var type = typeName(v);
    if (type == null) {
      return "nil";
    }
    if (v.isContainerNode()) {
      return new IdentityKey(v);
    }
    Object value =
        v.isNumber() ? (isInt64(v) ? (Object) v.longValue() : (Object) v.doubleValue()) : v;
    return Map.entry(type, value);
  }

  /** {@code fmt.Sprintf("%v", v)}. */
  static String v(JsonNode v) {
    var out = new StringBuilder();
    format(out, v, false);
    return out.toString();
  }

  /** {@code fmt.Sprintf("%s", v)}: like {@code %v} for strings, marked as a bad verb otherwise. */
  static String s(JsonNode v) {
    var out = new StringBuilder();
    format(out, v, true);
    return out.toString();
  }

  /** Go's {@code %q} of a string: double-quoted, with Go's escapes. */
  static String quote(String s) {
    var out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** {@code fmt.Sprint} of several slices at once, as {@code [[a b] [c]]}. */
  static String sprintSlices(JsonNode... slices) {
    var out = new StringBuilder("[");
    for (int i = 0; i < slices.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      if (slices[i] == null) {
        out.append("[]");
      } else {
        format(out, slices[i], false);
      }
    }
    return out.append(']').toString();
  }

  private static void format(StringBuilder out, JsonNode v, boolean verbS) {
    var type = typeName(v);
    if (type == null) {
      out.append(verbS ? "%!s(<nil>)" : "<nil>");
    } else if (v.isObject()) {
      var names = new ArrayList<String>();
      v.fieldNames().forEachRemaining(names::add);
      // fmt prints map entries sorted by key.
      names.sort(String::compareTo);
      out.append("map[");
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(names.get(i)).append(':');
        format(out, v.get(names.get(i)), verbS);
      }
      out.append(']');
    } else if (v.isArray()) {
      out.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        format(out, v.get(i), verbS);
      }
      out.append(']');
    } else if (v.isTextual()) {
      out.append(v.textValue());
    } else {
      var text = v.isBoolean() ? String.valueOf(v.booleanValue()) : number(v);
      out.append(verbS ? "%!s(" + type + "=" + text + ")" : text);
    }
  }

  private static boolean isInt64(JsonNode v) {
    return v.isIntegralNumber() && v.canConvertToLong();
  }

  /** A number as Go's {@code %v} prints an int64 or a float64 ({@code %g}, shortest). */
  private static String number(JsonNode v) {
    if (isInt64(v)) {
      return Long.toString(v.longValue());
    }
    double d = v.doubleValue();
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    var decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    var digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    var sign = d < 0 ? "-" : "";
    // Shortest %g (what %v uses) switches to exponent form below 1e-4 and from 1e6.
    if (exponent < -4 || exponent >= 6) {
      var mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      var exp = Math.abs(exponent) < 10 ? "0" + Math.abs(exponent) : "" + Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + decimal.abs().toPlainString();
  }

  /** Wraps a container so that sets compare it by identity, as no Go value equals it. */
  private record IdentityKey(JsonNode node) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey other && other.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node);
    }
  }
}
