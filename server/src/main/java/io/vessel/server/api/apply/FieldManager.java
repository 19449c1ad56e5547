package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.StatusCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field ownership as kube-apiserver's field manager keeps it in {@code metadata.managedFields}:
 * {@link #update} records what an ordinary write (create, update, patch) changed under the
 * writer's {@code Update} entry, {@link #apply} performs a server-side apply under its {@code
 * Apply} entry, with {@link LastApplied}'s allowances for objects kubectl applied client-side.
 * Both work on JSON trees of the served version; stateless and thread-safe.
 */
public final class FieldManager {
  /**
   * Fields the server owns and upstream strips from every set (its {@code stripMetaManager}),
   * plus nothing else: status is handled per subresource.
   */
  private static final List<List<String>> STRIPPED =
      List.of(
          List.of("f:apiVersion"),
          List.of("f:kind"),
          List.of("f:metadata", "f:name"),
          List.of("f:metadata", "f:namespace"),
          List.of("f:metadata", "f:creationTimestamp"),
          List.of("f:metadata", "f:selfLink"),
          List.of("f:metadata", "f:uid"),
          List.of("f:metadata", "f:generation"),
          List.of("f:metadata", "f:managedFields"),
          List.of("f:metadata", "f:resourceVersion"),
          List.of("f:metadata", "f:deletionTimestamp"),
          List.of("f:metadata", "f:deletionGracePeriodSeconds"));

  private static final List<String> STATUS = List.of("f:status");

  private FieldManager() {}

  /**
   * The managedFields after an ordinary write by {@code manager} turned {@code live} (null on
   * create) into {@code updated}. The entries to start from are the request's own when it sent
   * valid ones on the main resource (clients may set managedFields directly), none when it sent the
   * reset value ({@code []} or {@code [{}]}, see {@link ManagedFieldsReset}), and the live
   * object's otherwise. Fields the write changed move to the writer; fields it removed leave every
   * set. A write that changed nothing leaves the entries as they were.
   *
   * @param requested the {@code metadata.managedFields} the request carried (possibly null)
   * @param subresource "" for the main resource, or "status", "scale", …
   * @return the new {@code metadata.managedFields}
   */
  public static ArrayNode update(
      JsonNode live,
      JsonNode updated,
      Class<?> type,
      String manager,
      String apiVersion,
      String subresource,
      JsonNode requested,
      String now) {
    List<ManagedEntry> entries = startingEntries(live, requested, subresource);
    var shape = FieldShape.root(type);
    var cmp = ObjectFields.compare(live, updated, shape);
    FieldSet added = tracked(cmp.added(), subresource);
    FieldSet modified = tracked(cmp.modified(), subresource);
    FieldSet removed = tracked(cmp.removed(), subresource);
    if (added.isEmpty() && modified.isEmpty() && removed.isEmpty()) {
      return ManagedEntry.encode(entries);
    }
    var self =
        new ManagedEntry(manager, ManagedEntry.UPDATE, apiVersion, now, subresource, null);
    FieldSet changed = added.union(modified).union(removed);
    List<ManagedEntry> out = new ArrayList<>();
    FieldSet mine = FieldSet.empty();
    for (ManagedEntry e : entries) {
      if (e.identifier().equals(self.identifier())) {
        mine = e.fields();
      } else {
        out.add(e.withFields(e.fields().difference(changed)));
      }
    }
    out.add(self.withFields(mine.difference(removed).union(modified).union(added)));
    return ManagedEntry.encode(UpdateManagerCap.cap(out));
  }

  private static List<ManagedEntry> startingEntries(
      JsonNode live, JsonNode requested, String subresource) {
    List<ManagedEntry> fromLive = decodeOrEmpty(live == null ? null : managedFieldsOf(live));
    if (!subresource.isEmpty() || requested == null || !requested.isArray()) {
      return fromLive;
    }
    // An empty list is what the model holds when the request sent none; a real [] arrives
    // marked as [{}] (see ManagedFieldsReset.mark).
    if (requested.isEmpty()) {
      return fromLive;
    }
    if (ManagedFieldsReset.isReset(requested)) {
      return new ArrayList<>();
    }
    try {
      return ManagedEntry.decode(requested);
    } catch (IllegalArgumentException e) {
      // Like upstream: entries it cannot decode are ignored in favour of the live ones.
      return fromLive;
    }
  }

  private static List<ManagedEntry> decodeOrEmpty(JsonNode managedFields) {
    try {
      return ManagedEntry.decode(managedFields);
    } catch (IllegalArgumentException e) {
      return new ArrayList<>();
    }
  }

  private static JsonNode managedFieldsOf(JsonNode obj) {
    return obj.path("metadata").get("managedFields");
  }

  /** Drops what no manager owns: server-owned metadata, and status outside its subresource. */
  private static FieldSet tracked(FieldSet set, String subresource) {
    FieldSet drop = FieldSet.empty();
    for (List<String> p : set.members()) {
      boolean stripped = p.equals(List.of("f:metadata"));
      for (List<String> s : STRIPPED) {
        stripped |= p.size() >= s.size() && p.subList(0, s.size()).equals(s);
      }
      if (subresource.isEmpty() && p.get(0).equals(STATUS.get(0))) {
        stripped = true;
      }
      if (stripped) {
        drop.insert(p);
      }
    }
    return set.difference(drop);
  }

  /** The outcome of an apply: the object to write, with its new managedFields. */
  public record Applied(ObjectNode object, boolean changed) {}

  /**
   * Server-side apply of {@code config} by {@code manager} onto {@code live} (null to create).
   * The configuration is merged in; another manager's field whose value it changes is a conflict
   * (409, upstream's message and {@code FieldManagerConflict} causes) unless {@code force}, which
   * takes the field over; fields this manager applied last time, leaves out now, and nobody else
   * owns are removed. The manager's {@code Apply} entry becomes exactly the configuration's
   * fields.
   *
   * @throws ApiException on conflicts
   */
  public static Applied apply(
      JsonNode live,
      ObjectNode config,
      Class<?> type,
      String manager,
      String apiVersion,
      String subresource,
      boolean force,
      String now) {
    var shape = FieldShape.root(type);
    ObjectNode base =
        live == null ? Serialization.json().createObjectNode() : (ObjectNode) live.deepCopy();
    List<ManagedEntry> entries = decodeOrEmpty(managedFieldsOf(base));
    JsonNode baseMeta = base.get("metadata");
    if (baseMeta instanceof ObjectNode m) {
      m.remove("managedFields");
    }
    FieldSet applied = tracked(ObjectFields.toSet(config, shape), subresource);
    if (!subresource.isEmpty()) {
      applied = applied.under(STATUS);
    }
    JsonNode merged = ApplyMerge.merge(base, config, shape);
    var cmp = ObjectFields.compare(base, merged, shape);
    FieldSet changed = tracked(cmp.added().union(cmp.modified()), subresource);
    if (!subresource.isEmpty()) {
      // The status strategy discards everything else the configuration changes.
      changed = changed.under(STATUS);
    }
    var self = new ManagedEntry(manager, ManagedEntry.APPLY, apiVersion, now, subresource, null);

    Map<ManagedEntry, FieldSet> conflicts = new LinkedHashMap<>();
    FieldSet last = FieldSet.empty();
    List<ManagedEntry> others = new ArrayList<>();
    for (ManagedEntry e : entries) {
      if (e.identifier().equals(self.identifier())) {
        last = e.fields();
        continue;
      }
      FieldSet clash = e.fields().intersection(changed);
      if (!clash.isEmpty()) {
        conflicts.put(e, clash);
      }
      others.add(e.withFields(e.fields().difference(changed)));
    }
    if (!conflicts.isEmpty() && !force) {
      Map<ManagedEntry, FieldSet> remaining = conflicts;
      if (manager.equals(LastApplied.KUBECTL)) {
        FieldSet allowed = LastApplied.allowedConflicts(base, shape);
        if (allowed != null) {
          remaining = new LinkedHashMap<>();
          for (var c : conflicts.entrySet()) {
            FieldSet left = c.getValue().difference(allowed);
            if (!left.isEmpty()) {
              remaining.put(c.getKey(), left);
            }
          }
        }
      }
      if (!remaining.isEmpty()) {
        throw ApplyConflicts.error(remaining);
      }
      // Every conflict was a field kubectl itself applied client-side: taken over as if forced.
    }
    List<ManagedEntry> out = new ArrayList<>(others);
    out.add(self.withFields(applied));
    FieldSet owned = FieldSet.empty();
    for (ManagedEntry e : out) {
      owned = owned.union(e.fields());
    }
    for (List<String> p : last.members()) {
      if (!owned.has(p) && !owned.hasDescendants(p)) {
        ApplyMerge.remove(merged, p, shape);
      }
    }
    if (manager.equals(LastApplied.KUBECTL)) {
      LastApplied.update((ObjectNode) merged, config);
    }
    boolean sameSets = sameOwnership(entries, out);
    boolean changedObject = !merged.equals(base) || !sameSets;
    ObjectNode result = (ObjectNode) merged;
    ArrayNode managed =
        changedObject || live == null
            ? ManagedEntry.encode(UpdateManagerCap.cap(out))
            : (ArrayNode) managedFieldsOf(live);
    if (!result.has("metadata") || !result.get("metadata").isObject()) {
      result.putObject("metadata");
    }
    ((ObjectNode) result.get("metadata")).set("managedFields", managed);
    return new Applied(result, changedObject);
  }

  /** Whether two entry lists give every manager the same fields (times aside). */
  private static boolean sameOwnership(List<ManagedEntry> a, List<ManagedEntry> b) {
    return ownership(a).equals(ownership(b));
  }

  private static Map<String, FieldSet> ownership(List<ManagedEntry> entries) {
    Map<String, FieldSet> out = new LinkedHashMap<>();
    for (ManagedEntry e : entries) {
      if (!e.fields().isEmpty()) {
        out.put(e.identifier() + "\u0000" + e.apiVersion(), e.fields());
      }
    }
    return out;
  }

  /** A conflict cause, as upstream words it. */
  static StatusCause cause(ManagedEntry owner, List<String> path) {
    return new StatusCause(
        "FieldManagerConflict", "conflict with " + owner.printed(), FieldSet.describe(path));
  }
}
