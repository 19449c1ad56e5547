package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shape of a value of a fabric8 model field, read by reflection: which JSON fields a model
 * class has ({@link JsonProperty} names) and what each holds, with the element types of lists and
 * maps taken from their generic parameters.
 *
 * @param kind what the JSON value is
 * @param type the model class of a {@link Kind#STRUCT}, the Java class of a scalar, or the declared
 *     class otherwise
 * @param element for {@link Kind#LIST} and {@link Kind#MAP}, the shape of the elements or values;
 *     null otherwise
 */
public record ModelShape(Kind kind, Class<?> type, ModelShape element) {

  /** What a JSON value of a field is, as far as patching cares. */
  public enum Kind {
    /** A model class with JSON properties: an object whose fields are known. */
    STRUCT,
    /** A JSON array. */
    LIST,
    /** A JSON object with free keys ({@code Map<String, V>}). */
    MAP,
    /** A string, number or boolean. */
    SCALAR,
    /**
     * Anything reflection cannot see into ({@code Object}, {@code IntOrString}, {@code Quantity},
     * raw extensions): merged without a schema.
     */
    OPAQUE
  }

  private static final ClassValue<Map<String, ModelShape>> FIELDS =
      new ClassValue<>() {
        @Override
        protected Map<String, ModelShape> computeValue(Class<?> type) {
          return readFields(type);
        }
      };

  /** A value whose shape is not known: merged like JSON with no schema. */
  static final ModelShape UNKNOWN = new ModelShape(Kind.OPAQUE, Object.class, null);

  /** The shape of a top-level object of model class {@code type}. */
  public static ModelShape root(Class<?> type) {
    return of(type);
  }

  /** The JSON fields of a model class and their shapes, in declaration order. */
  public static Map<String, ModelShape> fields(Class<?> type) {
    return FIELDS.get(type);
  }

  /** The shape of field {@code jsonField} of this struct, if it has one. */
  public Optional<ModelShape> field(String jsonField) {
    if (kind != Kind.STRUCT) {
      return Optional.empty();
    }
    return Optional.ofNullable(fields(type).get(jsonField));
  }

  /**
   * The name Go's {@code reflect.Kind} gives the corresponding upstream type; it appears in a few
   * kube-apiserver error texts.
   */
  String goKind() {
    return switch (kind) {
      case STRUCT -> "struct";
      case LIST -> "slice";
      case MAP -> "map";
      case OPAQUE -> type == Object.class ? "interface" : "struct";
      case SCALAR -> goScalarKind(type);
    };
  }

  private static String goScalarKind(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "int32";
    }
    if (type == Long.class || type == long.class) {
      return "int64";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "bool";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "float64";
    }
    return "string";
  }

  private static ModelShape of(Type type) {
    if (type instanceof WildcardType wildcard) {
      return of(wildcard.getUpperBounds()[0]);
    }
    if (type instanceof ParameterizedType parameterized) {
      var raw = (Class<?>) parameterized.getRawType();
      var args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return new ModelShape(Kind.LIST, raw, of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return new ModelShape(Kind.MAP, raw, of(args[1]));
      }
      return of(raw);
    }
    if (!(type instanceof Class<?> raw)) {
      return UNKNOWN;
    }
    if (raw.isArray()) {
      return new ModelShape(Kind.LIST, raw, of(raw.getComponentType()));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return new ModelShape(Kind.LIST, raw, UNKNOWN);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new ModelShape(Kind.MAP, raw, UNKNOWN);
    }
    if (raw.isPrimitive()
        || raw.isEnum()
        || raw == String.class
        || raw == Boolean.class
        || Number.class.isAssignableFrom(raw)) {
      return new ModelShape(Kind.SCALAR, raw, null);
    }
    // Only looks for properties here: reading the nested fields' shapes eagerly would never end
    // on self-referencing classes such as JSONSchemaProps.
    return hasJsonProperties(raw)
        ? new ModelShape(Kind.STRUCT, raw, null)
        : new ModelShape(Kind.OPAQUE, raw, null);
  }

  private static boolean hasJsonProperties(Class<?> type) {
    if (type.getName().startsWith("java.")) {
      return false;
    }
    for (var c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(JsonProperty.class) && !Modifier.isStatic(f.getModifiers())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Map<String, ModelShape> readFields(Class<?> type) {
    var fields = new LinkedHashMap<String, ModelShape>();
    if (type.getName().startsWith("java.")) {
      return Map.of();
    }
    for (var c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        var property = f.getAnnotation(JsonProperty.class);
        if (property == null || Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        var name = property.value().isEmpty() ? f.getName() : property.value();
        fields.putIfAbsent(name, of(f.getGenericType()));
      }
    }
    return Map.copyOf(fields);
  }
}
