package io.vessel.server.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of served resources: the single source for routing, discovery and selectors. What is
 * not here is not served, and discovery lists exactly what is here.
 */
public final class ResourceCatalog {
  private final List<ResourceDefinition> all;
  private final Map<String, ResourceDefinition> byPath = new LinkedHashMap<>();
  private final Map<String, ResourceDefinition> byStorage = new LinkedHashMap<>();
  private final Map<String, Map<String, SelectableField>> fieldsByStorage = new LinkedHashMap<>();

  public ResourceCatalog(List<ResourceDefinition> definitions) {
    this.all = List.copyOf(definitions);
    for (ResourceDefinition d : all) {
      byPath.put(d.group() + "/" + d.version() + "/" + d.resource(), d);
      byStorage.putIfAbsent(d.storageResource(), d);
      fieldsByStorage
          .computeIfAbsent(d.storageResource(), r -> new LinkedHashMap<>())
          .putAll(d.selectableFields());
    }
  }

  public List<ResourceDefinition> all() {
    return all;
  }

  public Optional<ResourceDefinition> lookup(String group, String version, String resource) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + resource));
  }

  public Optional<ResourceDefinition> byStorageResource(String storageResource) {
    return Optional.ofNullable(byStorage.get(storageResource));
  }

  /**
   * The selectable fields of every definition stored under {@code storageResource}: versions that
   * share storage (events and events.k8s.io events) select by their own labels over the same bytes.
   */
  public Map<String, SelectableField> storageFields(String storageResource) {
    return fieldsByStorage.getOrDefault(storageResource, Map.of());
  }

  /** Whether any resource is served under {@code group/version}. */
  public boolean servesGroupVersion(String group, String version) {
    return all.stream().anyMatch(d -> d.group().equals(group) && d.version().equals(version));
  }

  /** Served groups other than core, in catalog order, each with its versions in order. */
  public Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ResourceDefinition d : all) {
      if (!d.group().isEmpty()) {
        List<String> versions = groups.computeIfAbsent(d.group(), g -> new ArrayList<>());
        if (!versions.contains(d.version())) {
          versions.add(d.version());
        }
      }
    }
    groups.replaceAll((g, v) -> Collections.unmodifiableList(v));
    return groups;
  }

  public List<ResourceDefinition> inGroupVersion(String group, String version) {
    return all.stream()
        .filter(d -> d.group().equals(group) && d.version().equals(version))
        .toList();
  }
}
