package io.vessel.server.api.apply;

import io.vessel.server.api.patch.strategic.FieldStrategy;
import io.vessel.server.api.patch.strategic.ModelShape;
import io.vessel.server.api.patch.strategic.PatchStrategies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How server-side apply and managedFields see one value: the structured-merge-diff schema of a
 * built-in kind, derived from the fabric8 model ({@link ModelShape}) and the patch strategy table
 * ({@link PatchStrategies}), as kube-apiserver derives it from the OpenAPI extensions. A list
 * merged by key is associative (its elements are {@code k:{...}}), a list merged without a key is
 * a set ({@code v:...}), any other list is atomic; maps are granular by key; structs are granular
 * by field except the few upstream marks {@code +structType=atomic}. The exceptions restate the
 * {@code +listType}, {@code +listMapKey} and {@code +structType} markers that the strategic
 * tables cannot tell (the OpenAPI documents hold the same facts in {@code KnownFieldFacts}).
 *
 * @param kind how values of this shape are tracked and merged
 * @param model the model class of a {@link Kind#STRUCT}; null otherwise
 * @param element the shape of list elements or map values; null for structs and atomics
 * @param keys the key fields of an {@link Kind#ASSOCIATIVE} list, in upstream's order
 */
record FieldShape(Kind kind, Class<?> model, FieldShape element, List<String> keys) {

  enum Kind {
    STRUCT,
    MAP,
    ASSOCIATIVE,
    SET,
    ATOMIC
  }

  static final FieldShape ATOMIC = new FieldShape(Kind.ATOMIC, null, null, List.of());

  /**
   * Lists whose upstream {@code +listMapKey}s are more than the strategic merge key (apiserver
   * keys them by all of them in apply and managedFields).
   */
  private static final Map<String, List<String>> COMPOSITE_KEYS =
      Map.of(
          "Container.ports", List.of("containerPort", "protocol"),
          "EphemeralContainer.ports", List.of("containerPort", "protocol"),
          "ServiceSpec.ports", List.of("port", "protocol"),
          "PodSpec.topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable"));

  /**
   * Lists whose {@code +listType} differs from what their strategic merge tags suggest: merged by
   * key in strategic merge patch but atomic in apply, or untagged but a set in apply.
   */
  private static final Map<String, Kind> LIST_TYPES =
      Map.of("JobStatus.conditions", Kind.ATOMIC, "Endpoint.addresses", Kind.SET);

  /** Structs upstream tags {@code +structType=atomic}: owned and replaced as one value. */
  private static final Set<String> ATOMIC_STRUCTS =
      Set.of(
          "OwnerReference",
          "EndpointAddress",
          "EndpointPort",
          "Subject",
          "RoleRef",
          "CrossVersionObjectReference",
          "LabelSelector",
          "NodeSelector",
          "NodeSelectorTerm",
          "ObjectReference",
          "LocalObjectReference",
          "TypedLocalObjectReference",
          "SecretReference",
          "ConfigMapKeySelector",
          "SecretKeySelector",
          "ObjectFieldSelector",
          "ResourceFieldSelector",
          "ConfigMapEnvSource",
          "SecretEnvSource");

  static FieldShape root(Class<?> model) {
    return new FieldShape(Kind.STRUCT, model, null, List.of());
  }

  /** The shape of field {@code name} of a struct; atomic when the model does not know it. */
  FieldShape field(String name) {
    if (kind == Kind.MAP) {
      return element;
    }
    if (kind != Kind.STRUCT) {
      return ATOMIC;
    }
    ModelShape shape = ModelShape.fields(model).get(name);
    if (shape == null) {
      return ATOMIC;
    }
    if (shape.kind() == ModelShape.Kind.LIST) {
      Kind listType = LIST_TYPES.get(model.getSimpleName() + "." + name);
      if (listType != null) {
        return listType == Kind.SET
            ? new FieldShape(Kind.SET, null, of(shape.element()), List.of())
            : ATOMIC;
      }
      Optional<FieldStrategy> strategy = PatchStrategies.of(model, name);
      if (strategy.isPresent() && strategy.get().merges()) {
        FieldShape elements = of(shape.element());
        if (strategy.get().mergeKey().isEmpty()) {
          return new FieldShape(Kind.SET, null, elements, List.of());
        }
        List<String> keys =
            COMPOSITE_KEYS.getOrDefault(
                model.getSimpleName() + "." + name, List.of(strategy.get().mergeKey()));
        return new FieldShape(Kind.ASSOCIATIVE, null, elements, keys);
      }
      return ATOMIC;
    }
    return of(shape);
  }

  private static FieldShape of(ModelShape shape) {
    if (shape == null) {
      return ATOMIC;
    }
    return switch (shape.kind()) {
      case STRUCT ->
          ATOMIC_STRUCTS.contains(shape.type().getSimpleName())
              ? ATOMIC
              : new FieldShape(Kind.STRUCT, shape.type(), null, List.of());
      case MAP -> new FieldShape(Kind.MAP, null, of(shape.element()), List.of());
      default -> ATOMIC;
    };
  }

  boolean granular() {
    return kind != Kind.ATOMIC;
  }
}
