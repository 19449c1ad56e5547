package io.vessel.server.api.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps managedFields bounded as kube-apiserver does: beyond ten {@code Update} entries the oldest
 * are merged, per apiVersion, into an {@code Update} entry of the manager {@code
 * ancient-changes}, which takes the time of the newest entry merged into it.
 */
final class UpdateManagerCap {
  static final int MAX_UPDATE_MANAGERS = 10;
  static final String BUCKET = "ancient-changes";

  private UpdateManagerCap() {}

  static List<ManagedEntry> cap(List<ManagedEntry> entries) {
    List<ManagedEntry> updaters = new ArrayList<>();
    for (ManagedEntry e : entries) {
      if (e.operation().equals(ManagedEntry.UPDATE) && !e.fields().isEmpty()) {
        updaters.add(e);
      }
    }
    if (updaters.size() <= MAX_UPDATE_MANAGERS) {
      return entries;
    }
    updaters.sort(
        Comparator.comparing((ManagedEntry e) -> e.time() == null ? "" : e.time())
            .thenComparing(ManagedEntry::manager));
    Map<String, ManagedEntry> byId = new LinkedHashMap<>();
    for (ManagedEntry e : entries) {
      byId.put(e.identifier(), e);
    }
    int count = updaters.size();
    for (ManagedEntry oldest : updaters) {
      if (count <= MAX_UPDATE_MANAGERS) {
        break;
      }
      var bucket =
          new ManagedEntry(
              BUCKET, ManagedEntry.UPDATE, oldest.apiVersion(), oldest.time(), "", null);
      byId.remove(oldest.identifier());
      ManagedEntry previous = byId.get(bucket.identifier());
      if (previous != null) {
        byId.put(bucket.identifier(), bucket.withFields(previous.fields().union(oldest.fields())));
        count--;
      } else {
        byId.put(bucket.identifier(), bucket.withFields(oldest.fields()));
      }
    }
    return new ArrayList<>(byId.values());
  }
}
