package io.vessel.server.api.apply;

import io.vessel.server.api.ApiException;
import io.vessel.server.api.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 409 an apply gets when it would change fields other managers own, worded as upstream's
 * {@code NewConflictError}: one conflict reads {@code Apply failed with 1 conflict: conflict with
 * "kubectl" with subresource "scale" using apps/v1: .spec.replicas}; several are grouped by
 * manager, managers sorted, one {@code - <path>} line each. Each conflict is also a cause of type
 * {@code FieldManagerConflict} naming the manager and the field.
 */
final class ApplyConflicts {
  private ApplyConflicts() {}

  static ApiException error(Map<ManagedEntry, FieldSet> conflicts) {
    List<StatusCause> causes = new ArrayList<>();
    TreeMap<String, List<String>> byManager = new TreeMap<>();
    int n = 0;
    String single = "";
    for (var e : conflicts.entrySet()) {
      for (List<String> path : e.getValue().members()) {
        n++;
        causes.add(FieldManager.cause(e.getKey(), path));
        String printed = e.getKey().printed();
        single = "conflict with " + printed + ": " + FieldSet.describe(path);
        byManager
            .computeIfAbsent(printed, k -> new ArrayList<>())
            .add("- " + FieldSet.describe(path));
      }
    }
    String message;
    if (n == 1) {
      message = "Apply failed with 1 conflict: " + single;
    } else {
      List<String> lines = new ArrayList<>();
      byManager.forEach(
          (manager, paths) -> {
            lines.add("conflicts with " + manager + ":");
            lines.addAll(paths);
          });
      message = "Apply failed with " + n + " conflicts: " + String.join("\n", lines);
    }
    return new ApiException(409, "Conflict", message, new ApiException.Details("", "", "", causes));
  }
}
