package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.GroupResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Vessel knows about one resource: names and scope for routing and discovery, the verbs
 * it serves, its subresources, its model class, its rules and its table, and the fields selectors
 * may use (label → JSON pointer into the object).
 */
public record ResourceDefinition(
    String group,
    String version,
    String resource,
    String kind,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    List<String> verbs,
    List<Subresource> subresources,
    Class<? extends HasMetadata> type,
    Strategy<? extends HasMetadata> strategy,
    TableConvertor<? extends HasMetadata> table,
    Map<String, String> selectableFields) {

  /** The verbs of a resource with the full set of collection and item operations. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The storage prefix: the plural for the core group, {@code group/plural} otherwise. */
  public String storageResource() {
    return group.isEmpty() ? resource : group + "/" + resource;
  }

  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean allows(String verb) {
    return verbs.contains(verb);
  }

  public Optional<Subresource> subresource(String name) {
    return subresources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static Builder builder(String group, String version, String resource, String kind) {
    return new Builder(group, version, resource, kind);
  }

  /** Builds a definition; every field but the four names has a sensible default. */
  public static final class Builder {
    private final String group;
    private final String version;
    private final String resource;
    private final String kind;
    private String singular;
    private boolean namespaced = true;
    private List<String> shortNames = List.of();
    private List<String> categories = List.of();
    private List<String> verbs = ALL_VERBS;
    private final List<Subresource> subresources = new ArrayList<>();
    private Class<? extends HasMetadata> type;
    private Strategy<? extends HasMetadata> strategy;
    private TableConvertor<? extends HasMetadata> table;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder(String group, String version, String resource, String kind) {
      this.group = group;
      this.version = version;
      this.resource = resource;
      this.kind = kind;
      this.singular = kind.toLowerCase();
      fields.put("metadata.name", "/metadata/name");
      fields.put("metadata.namespace", "/metadata/namespace");
    }

    public Builder clusterScoped() {
      this.namespaced = false;
      return this;
    }

    public Builder shortNames(String... names) {
      this.shortNames = List.of(names);
      return this;
    }

    public Builder categories(String... names) {
      this.categories = List.of(names);
      return this;
    }

    public Builder verbs(String... names) {
      this.verbs = List.of(names);
      return this;
    }

    public Builder subresource(String name, String kind, String... verbs) {
      subresources.add(new Subresource(name, kind, List.of(verbs)));
      return this;
    }

    public <T extends HasMetadata> Builder model(
        Class<T> type, Strategy<T> strategy, TableConvertor<T> table) {
      this.type = type;
      this.strategy = strategy;
      this.table = table;
      return this;
    }

    /** A selectable field: its label in field selectors and its JSON pointer in the object. */
    public Builder field(String label, String pointer) {
      fields.put(label, pointer);
      return this;
    }

    public ResourceDefinition build() {
      return new ResourceDefinition(
          group,
          version,
          resource,
          kind,
          singular,
          namespaced,
          shortNames,
          categories,
          verbs,
          List.copyOf(subresources),
          type,
          strategy,
          table,
          Map.copyOf(fields));
    }
  }
}
