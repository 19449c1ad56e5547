package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The conditions a Terminating namespace carries while its content goes, as upstream's namespace
 * controller writes them ({@code kubectl describe ns} shows them): what kinds of objects remain and
 * which finalizers hold them.
 */
final class NamespaceDeletionConditions {
  private final Map<String, Integer> remaining = new TreeMap<>();
  private final Map<String, Integer> finalizers = new TreeMap<>();

  /** Counts one object still in the namespace, of {@code resource}.{@code group}. */
  void remaining(String resource, String group, HasMetadata obj) {
    remaining.merge(resource + "." + group, 1, Integer::sum);
    List<String> held = obj.getMetadata().getFinalizers();
    if (held != null) {
      for (String f : held) {
        finalizers.merge(f, 1, Integer::sum);
      }
    }
  }

  int total() {
    return remaining.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The conditions for now, keeping each one's transition time from {@code current} when its
   * status has not changed.
   */
  List<NamespaceCondition> conditions(List<NamespaceCondition> current, Instant now) {
    var out = new ArrayList<NamespaceCondition>();
    out.add(condition("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered",
        "All resources successfully discovered"));
    out.add(condition("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions",
        "All legacy kube types successfully parsed"));
    out.add(condition("NamespaceDeletionContentFailure", "False", "ContentDeleted",
        "All content successfully deleted, may be waiting on finalization"));
    out.add(remaining.isEmpty()
        ? condition("NamespaceContentRemaining", "False", "ContentRemoved", "All content successfully removed")
        : condition("NamespaceContentRemaining", "True", "SomeResourcesRemain",
            "Some resources are remaining: " + join(remaining, " has %d resource instances")));
    out.add(finalizers.isEmpty()
        ? condition("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers",
            "All content-preserving finalizers finished")
        : condition("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain",
            "Some content in the namespace has finalizers remaining: "
                + join(finalizers, " in %d resource instances")));
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (NamespaceCondition c : out) {
      var before = find(current, c.getType());
      c.setLastTransitionTime(
          before != null && Objects.equals(before.getStatus(), c.getStatus())
              ? before.getLastTransitionTime()
              : time);
    }
    return out;
  }

  /** Whether {@code next} says something {@code current} does not (times aside). */
  static boolean changed(List<NamespaceCondition> current, List<NamespaceCondition> next) {
    for (NamespaceCondition c : next) {
      var before = find(current, c.getType());
      if (before == null
          || !Objects.equals(before.getStatus(), c.getStatus())
          || !Objects.equals(before.getReason(), c.getReason())
          || !Objects.equals(before.getMessage(), c.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static NamespaceCondition find(List<NamespaceCondition> list, String type) {
    if (list == null) {
      return null;
    }
    return list.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static String join(Map<String, Integer> counts, String format) {
    var parts = new ArrayList<String>();
    counts.forEach((k, n) -> parts.add(k + String.format(format, n)));
    return String.join(", ", parts);
  }

  private static NamespaceCondition condition(String type, String status, String reason, String message) {
    var c = new NamespaceCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    return c;
  }
}
