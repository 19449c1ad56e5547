package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value rendered as Go's {@code %#v} renders it inside kube-apiserver's field errors, for the
 * places where clients see it verbatim, as in {@code Invalid value:
 * map[string]string{"app":"web"}: …}.
 * {@link io.vessel.server.api.FieldErrors} prints it unquoted through {@link #toString()}.
 */
public record GoValue(String text) {

  /** {@code map[string]string{"a":"1", "b":"2"}}, keys sorted as fmt prints maps. */
  public static GoValue map(Map<String, String> map) {
    return new GoValue(mapText(map));
  }

  /** {@code v1.LabelSelector{MatchLabels:…, MatchExpressions:…}}. */
  public static GoValue labelSelector(LabelSelector selector) {
    if (selector == null) {
      return new GoValue("null");
    }
    return new GoValue(
        "v1.LabelSelector{MatchLabels:"
            + mapText(selector.getMatchLabels())
            + ", MatchExpressions:"
            + expressions(selector.getMatchExpressions())
            + "}");
  }

  private static String mapText(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return "map[string]string(nil)";
    }
    StringBuilder sb = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      sb.append(first ? "" : ", ")
          .append(quote(e.getKey()))
          .append(':')
          .append(quote(e.getValue()));
      first = false;
    }
    return sb.append('}').toString();
  }

  private static String expressions(List<LabelSelectorRequirement> list) {
    if (list == null || list.isEmpty()) {
      return "[]v1.LabelSelectorRequirement(nil)";
    }
    StringBuilder sb = new StringBuilder("[]v1.LabelSelectorRequirement{");
    for (int i = 0; i < list.size(); i++) {
      LabelSelectorRequirement r = list.get(i);
      sb.append(i == 0 ? "" : ", ")
          .append("v1.LabelSelectorRequirement{Key:")
          .append(quote(r.getKey()))
          .append(", Operator:")
          .append(quote(r.getOperator()))
          .append(", Values:");
      List<String> values = r.getValues();
      if (values == null || values.isEmpty()) {
        sb.append("[]string(nil)");
      } else {
        sb.append("[]string{");
        for (int j = 0; j < values.size(); j++) {
          sb.append(j == 0 ? "" : ", ").append(quote(values.get(j)));
        }
        sb.append('}');
      }
      sb.append('}');
    }
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    String v = s == null ? "" : s;
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return text;
  }
}
