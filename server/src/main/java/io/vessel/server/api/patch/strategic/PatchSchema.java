package io.vessel.server.api.patch.strategic;

import io.vessel.server.api.patch.strategic.ModelShape.Kind;

/**
 * Where the merge stands in the model: the shape of the value being merged, and how to look up the
 * strategy and merge key of one of its fields.
 *
 * <p>Lookups fail as upstream's struct-tag lookups do, with {@code 500}: a field the model class
 * does not declare, and any field of a map. They only happen where both documents hold an object or
 * both a list under the key, or for {@code $setElementOrder/<field>}; stored objects never hold
 * undeclared fields, so a patch's unknown fields are otherwise simply taken (and then dropped or
 * reported when the result is decoded).
 *
 * <p>Values of opaque type ({@code Object}, {@code IntOrString}, {@code Quantity}: reflection
 * cannot see into them) get {@link #UNKNOWN}: their objects merge key by key and their lists are
 * replaced. Upstream fails there instead for nested objects, naming its Go struct ({@code
 * RawExtension} under a ControllerRevision's {@code data}), which this schema cannot name.
 */
record PatchSchema(ModelShape shape) {

  static final PatchSchema UNKNOWN = new PatchSchema(ModelShape.UNKNOWN);

  /** What a lookup finds: the schema of the value and the field's strategy and merge key. */
  record Lookup(PatchSchema schema, String strategy, String mergeKey) {
    static final Lookup NONE = new Lookup(UNKNOWN, "", "");
  }

  static PatchSchema of(Class<?> type) {
    return new PatchSchema(ModelShape.root(type));
  }

  /**
   * The field {@code key} of this object, holding an object.
   *
   * @throws io.vessel.server.api.ApiException 500 when the model class has no such field, or this
   *     object is not a model class
   */
  Lookup forObject(String key) {
    return switch (shape.kind()) {
      case STRUCT -> {
        var name = jsonName(key);
        var field = shape.field(name);
        if (field.isEmpty()) {
          throw SmpErrors.noApiField(shape.type().getSimpleName(), key);
        }
        yield new Lookup(new PatchSchema(field.get()), strategy(name), mergeKey(name));
      }
      case OPAQUE -> Lookup.NONE;
      default -> throw SmpErrors.notAStruct(shape.goKind());
    };
  }

  /** The field {@code key} of this object, holding a list; the schema is the elements'. */
  Lookup forList(String key) {
    var field = forObject(key);
    var fieldShape = field.schema().shape();
    if (fieldShape.kind() == Kind.LIST) {
      return new Lookup(new PatchSchema(fieldShape.element()), field.strategy(), field.mergeKey());
    }
    if (fieldShape.kind() == Kind.OPAQUE) {
      return Lookup.NONE;
    }
    // A declared object or scalar that holds a list in both documents; the typed original of the
    // apiserver cannot get here, a stored document with a foreign shape can.
    throw SmpErrors.notASlice();
  }

  /**
   * The model's name for JSON field {@code key}: the exact one, or else the first that differs only
   * in case, as upstream's lookup (a copy of encoding/json's field matching) falls back to.
   */
  private String jsonName(String key) {
    var fields = ModelShape.fields(shape.type());
    if (fields.containsKey(key)) {
      return key;
    }
    return fields.keySet().stream().filter(key::equalsIgnoreCase).findFirst().orElse(key);
  }

  /** Go's kind name of the values this schema describes, as some error texts print it. */
  String goKind() {
    return shape.goKind();
  }

  private String strategy(String key) {
    return PatchStrategies.of(shape.type(), key)
        .map(
            s ->
                s.strategies().stream()
                    .filter(name -> !name.equals(FieldStrategy.RETAIN_KEYS))
                    .findFirst()
                    .orElse(""))
        .orElse("");
  }

  private String mergeKey(String key) {
    return PatchStrategies.of(shape.type(), key).map(FieldStrategy::mergeKey).orElse("");
  }
}
