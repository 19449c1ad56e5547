package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The request value that clears managedFields. Upstream resets them when a write sends {@code
 * managedFields: []} or a list of one empty entry; any other value is either used (valid entries)
 * or ignored. fabric8 models cannot tell an empty list from an absent one, so decoders call {@link
 * #mark} on the request's JSON and the empty list is carried as the one-empty-entry form.
 */
public final class ManagedFieldsReset {
  private ManagedFieldsReset() {}

  /** Carries a request's {@code managedFields: []} into the decoded object as {@code [{}]}. */
  public static void mark(JsonNode requestTree, HasMetadata decoded) {
    JsonNode mf = requestTree == null ? null : requestTree.path("metadata").get("managedFields");
    if (mf != null && mf.isArray() && mf.isEmpty() && decoded.getMetadata() != null) {
      List<ManagedFieldsEntry> reset = new ArrayList<>();
      reset.add(new ManagedFieldsEntry());
      decoded.getMetadata().setManagedFields(reset);
    }
  }

  /** Whether a request's managedFields JSON is a reset ({@code []} or {@code [{}]}). */
  static boolean isReset(JsonNode mf) {
    if (mf == null || !mf.isArray()) {
      return false;
    }
    if (mf.isEmpty()) {
      return true;
    }
    if (mf.size() != 1 || !mf.get(0).isObject()) {
      return false;
    }
    // An empty entry, however the model serialized its absent members.
    for (var it = mf.get(0).fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (!(v.isNull() || (v.isContainerNode() && v.isEmpty()))) {
        return false;
      }
    }
    return true;
  }
}
