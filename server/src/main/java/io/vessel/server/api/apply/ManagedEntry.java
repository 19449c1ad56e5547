package io.vessel.server.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One decoded managedFields entry. Entries are one per {@link #identifier()}: the manager, the
 * operation, the subresource and, for {@code Update} only, the apiVersion (an applier keeps one
 * entry whatever version it applies with), as upstream's {@code BuildManagerIdentifier}.
 */
record ManagedEntry(
    String manager,
    String operation,
    String apiVersion,
    String time,
    String subresource,
    FieldSet fields) {

  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  /** Upstream's encoding order: operation, time, manager, apiVersion, subresource. */
  static final Comparator<ManagedEntry> ORDER =
      Comparator.comparing(ManagedEntry::operation)
          .thenComparing(e -> e.time == null ? "" : e.time)
          .thenComparing(ManagedEntry::manager)
          .thenComparing(ManagedEntry::apiVersion)
          .thenComparing(ManagedEntry::subresource);

  ManagedEntry {
    manager = Objects.requireNonNullElse(manager, "");
    apiVersion = Objects.requireNonNullElse(apiVersion, "");
    subresource = Objects.requireNonNullElse(subresource, "");
  }

  String identifier() {
    return manager
        + "\u0000"
        + operation
        + "\u0000"
        + subresource
        + "\u0000"
        + (operation.equals(APPLY) ? "" : apiVersion);
  }

  ManagedEntry withFields(FieldSet fields) {
    return new ManagedEntry(manager, operation, apiVersion, time, subresource, fields);
  }

  /**
   * How conflict messages name this manager: {@code "kubectl"}, {@code "kubectl" with
   * subresource "scale" using apps/v1} (upstream's {@code printManager}; the time is not part of
   * the identifier, so it is never printed).
   */
  String printed() {
    String s = '"' + manager + '"';
    if (!subresource.isEmpty()) {
      s += " with subresource \"" + subresource + '"';
    }
    if (operation.equals(UPDATE)) {
      s += " using " + apiVersion;
    }
    return s;
  }

  /**
   * Decodes an object's {@code metadata.managedFields}; throws IllegalArgumentException for what
   * upstream refuses to decode (a wrong fieldsType, a malformed set, an unknown operation).
   */
  static List<ManagedEntry> decode(JsonNode managedFields) {
    List<ManagedEntry> out = new ArrayList<>();
    if (managedFields == null || !managedFields.isArray()) {
      return out;
    }
    for (JsonNode e : managedFields) {
      String type = e.path("fieldsType").asText("");
      if (!type.equals("FieldsV1")) {
        throw new IllegalArgumentException("invalid fieldsType \"" + type + "\"");
      }
      String op = e.path("operation").asText("");
      if (!op.equals(APPLY) && !op.equals(UPDATE)) {
        throw new IllegalArgumentException("invalid operation \"" + op + "\"");
      }
      out.add(
          new ManagedEntry(
              e.path("manager").asText(""),
              op,
              e.path("apiVersion").asText(""),
              e.hasNonNull("time") ? e.get("time").asText() : null,
              e.path("subresource").asText(""),
              FieldSet.fromFieldsV1(e.path("fieldsV1"))));
    }
    return out;
  }

  /** Encodes entries in upstream's order, dropping those that own nothing. */
  static ArrayNode encode(List<ManagedEntry> entries) {
    ArrayNode out = Serialization.json().createArrayNode();
    entries.stream()
        .filter(e -> !e.fields().isEmpty())
        .sorted(ORDER)
        .forEach(
            e -> {
              ObjectNode n = out.addObject();
              n.put("manager", e.manager());
              n.put("operation", e.operation());
              n.put("apiVersion", e.apiVersion());
              if (e.time() != null) {
                n.put("time", e.time());
              }
              n.put("fieldsType", "FieldsV1");
              n.set("fieldsV1", e.fields().toFieldsV1());
              if (!e.subresource().isEmpty()) {
                n.put("subresource", e.subresource());
              }
            });
    return out;
  }
}
