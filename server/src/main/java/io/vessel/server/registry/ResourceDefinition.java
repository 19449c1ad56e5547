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
 * may use.
 *
 * <p>A definition usually stores its own version under {@code group/resource}. One that shares
 * another's storage (autoscaling/v1 horizontalpodautoscalers, events.k8s.io events) names that
 * storage resource and a {@link VersionConversion}; its {@code strategy} then works on the stored
 * model class, while {@code type} and {@code table} work on the served one.
 *
 * @param storage the storage resource when it is not the definition's own, else ""
 * @param conversion how served objects map to stored ones; null when they are the same
 * @param selectableFields field selector label → where its value is read in the stored JSON
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
    String storage,
    VersionConversion<? extends HasMetadata, ? extends HasMetadata> conversion,
    Map<String, SelectableField> selectableFields) {

  /** The verbs of a resource with the full set of collection and item operations. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The verbs of a status subresource. */
  public static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  /** The storage prefix: the plural for the core group, {@code group/plural} otherwise. */
  public String storageResource() {
    if (!storage.isEmpty()) {
      return storage;
    }
    return group.isEmpty() ? resource : group + "/" + resource;
  }

  /** The model class of stored objects: the served one unless a conversion says otherwise. */
  public Class<? extends HasMetadata> storedType() {
    return conversion == null ? type : conversion.storedType();
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
    private String storage = "";
    private VersionConversion<? extends HasMetadata, ? extends HasMetadata> conversion;
    private final Map<String, SelectableField> fields = new LinkedHashMap<>();

    private Builder(String group, String version, String resource, String kind) {
      this.group = group;
      this.version = version;
      this.resource = resource;
      this.kind = kind;
      this.singular = kind.toLowerCase();
      fields.put("metadata.name", SelectableField.at("/metadata/name"));
      fields.put("metadata.namespace", SelectableField.at("/metadata/namespace"));
    }

    public Builder clusterScoped() {
      this.namespaced = false;
      return this;
    }

    /** The singular name, when it is not the lower-cased kind (endpoints: "endpoints"). */
    public Builder singular(String name) {
      this.singular = name;
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

    /** The {@code status} subresource: the parent's kind, get/patch/update. */
    public Builder status() {
      subresources.add(new Subresource("status", kind, SUBRESOURCE_VERBS));
      return this;
    }

    /** The {@code scale} subresource: autoscaling/v1 Scale, get/patch/update. */
    public Builder scale() {
      subresources.add(new Subresource("scale", "autoscaling", "v1", "Scale", SUBRESOURCE_VERBS));
      return this;
    }

    public <T extends HasMetadata> Builder model(
        Class<T> type, Strategy<T> strategy, TableConvertor<T> table) {
      this.type = type;
      this.strategy = strategy;
      this.table = table;
      return this;
    }

    /**
     * A model served in one version and stored in another, under {@code storage}: the strategy
     * works on stored objects, the table on served ones.
     */
    public <S extends HasMetadata, T extends HasMetadata> Builder convertedModel(
        Class<T> type,
        String storage,
        VersionConversion<S, T> conversion,
        Strategy<S> strategy,
        TableConvertor<T> table) {
      this.type = type;
      this.storage = storage;
      this.conversion = conversion;
      this.strategy = strategy;
      this.table = table;
      return this;
    }

    /** A selectable field: its label in field selectors and its JSON pointer in the object. */
    public Builder field(String label, String pointer) {
      fields.put(label, SelectableField.at(pointer));
      return this;
    }

    /** A selectable field whose value, when the object leaves it out, is {@code absent}. */
    public Builder field(String label, String pointer, String absent) {
      fields.put(label, new SelectableField(List.of(pointer), absent));
      return this;
    }

    /** A selectable field read from the first pointer that holds a value. */
    public Builder fieldFirstOf(String label, String... pointers) {
      fields.put(label, new SelectableField(List.of(pointers), ""));
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
          storage,
          conversion,
          Map.copyOf(fields));
    }
  }
}
