package io.vessel.server.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.vessel.server.api.Serialization;
import java.util.ArrayList;
import java.util.List;

/** Converts managedFields between their JSON form and the fabric8 model's entries. */
final class ManagedFieldsJson {
  private static final TypeReference<List<ManagedFieldsEntry>> ENTRIES = new TypeReference<>() {};

  private ManagedFieldsJson() {}

  static List<ManagedFieldsEntry> entries(JsonNode managedFields) {
    return new ArrayList<>(Serialization.json().convertValue(managedFields, ENTRIES));
  }
}
