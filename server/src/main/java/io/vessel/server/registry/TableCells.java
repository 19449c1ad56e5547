package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.Container;
import io.vessel.server.api.HumanDuration;
import io.vessel.server.api.selector.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cell formats shared by the tables kube-apiserver prints for many kinds. */
public final class TableCells {
  public static final String NONE = "<none>";

  private TableCells() {}

  /** The value, or {@code <none>} when it is null or empty. */
  public static String orNone(String s) {
    return s == null || s.isEmpty() ? NONE : s;
  }

  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public static long orZero(Integer i) {
    return i == null ? 0 : i;
  }

  /** The Containers and Images cells: names and images joined by commas. */
  /** The CONTAINERS and IMAGES cells of a pod template (null-safe). */
  public static List<String> containersAndImages(
      io.fabric8.kubernetes.api.model.PodTemplateSpec template) {
    return containersAndImages(
        template == null || template.getSpec() == null ? null : template.getSpec().getContainers());
  }

  public static List<String> containersAndImages(List<Container> containers) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    if (containers != null) {
      for (Container c : containers) {
        names.add(orEmpty(c.getName()));
        images.add(orEmpty(c.getImage()));
      }
    }
    return List.of(String.join(",", names), String.join(",", images));
  }

  /** metav1.FormatLabelSelector: the selector's canonical text, {@code <none>} when empty. */
  public static String labelSelector(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    return orNone(selectorText(selector));
  }

  /** The selector's canonical text ("" for none or for an invalid selector's absent parts). */
  public static String selectorText(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    try {
      return LabelSelector.of(selector).toString();
    } catch (RuntimeException e) {
      return "<error>";
    }
  }

  /** labels.FormatLabels: {@code k=v} pairs sorted by key, {@code <none>} when empty. */
  public static String labels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return NONE;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      parts.add(e.getKey() + "=" + e.getValue());
    }
    return String.join(",", parts);
  }

  /** A timestamp's age as tables print it; {@code <unknown>} for none. */
  public static String since(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    return HumanDuration.format(Duration.between(Instant.parse(timestamp), now));
  }

  /** A list joined by {@code ,} with at most {@code max} entries and a "+ N more..." tail. */
  public static String listWithMore(List<String> all, int max, String empty) {
    if (all.isEmpty()) {
      return empty;
    }
    String head = String.join(",", all.subList(0, Math.min(max, all.size())));
    return all.size() > max ? head + " + " + (all.size() - max) + " more..." : head;
  }
}
