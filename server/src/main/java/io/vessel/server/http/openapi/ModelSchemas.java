package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import io.vessel.server.api.Serialization;
import java.time.temporal.Temporal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code components.schemas} of one document. Model classes are read the way the server reads
 * and writes them, through Jackson's view of the fabric8 beans (JSON names, element types), and
 * every class gets one named schema the first time something refers to it. Field facts the beans
 * lack come from the protobuf descriptors (which strings are Times), {@link KnownFieldFacts}
 * (required fields, list types) and {@link PatchExtensions} (patch strategies).
 *
 * <p>Shapes follow upstream's generator: a property that refers to a named schema wraps the
 * reference in a one-element {@code allOf} (upstream always does, because its properties carry
 * descriptions), list items of struct type do the same with {@code default: {}} (Go slices hold
 * values, not pointers), and map values refer directly.
 *
 * <p>Not thread-safe: one instance builds one document on one thread.
 */
final class ModelSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String REF_PREFIX = "#/components/schemas/";
  private static final Map<String, String> STANDARD_FIELDS =
      Map.of(
          "apiVersion", "The versioned schema of this representation of the object.",
          "kind", "The REST resource this object represents, in CamelCase.",
          "metadata", "Standard object metadata.",
          "spec", "The desired state of the object.",
          "status", "The most recently observed state of the object, written by the system.",
          "items", "The objects in this list.");

  private final Map<String, ObjectNode> defined = new TreeMap<>();

  /** A {@code $ref} to the schema of a model class, defining the schema on first use. */
  ObjectNode ref(Class<?> type) {
    return refNode(define(type, null));
  }

  /** The schemas defined so far, by name. */
  Map<String, ObjectNode> schemas() {
    return defined;
  }

  /**
   * Defines the schema of a model class once and returns its name. {@code protoType} is the message
   * the referring protobuf field declares, when known: it settles which Go package a fabric8 class
   * shared between packages stands for (core/v1 and meta/v1 both have a Preconditions).
   */
  private String define(Class<?> type, String protoType) {
    Optional<String> special = special(type);
    if (special.isPresent()) {
      defineSpecial(special.get());
      return special.get();
    }
    Optional<String> proto =
        protoType != null && protoType.endsWith("." + type.getSimpleName())
            ? Optional.of(protoType)
            : SchemaNames.protoName(type);
    String name = proto.map(SchemaNames::fromProto).orElseGet(() -> SchemaNames.of(type));
    if (!defined.containsKey(name)) {
      ObjectNode schema = NODES.objectNode();
      // Registered before the walk so that recursive types (JSONSchemaProps) refer to themselves.
      defined.put(name, schema);
      fillObject(schema, type, name, proto);
    }
    return name;
  }

  /** apimachinery's types with their own JSON forms, and fabric8's stand-ins for them. */
  private static Optional<String> special(Class<?> type) {
    if (type == Quantity.class) {
      return Optional.of(SchemaNames.QUANTITY);
    }
    if (type == IntOrString.class) {
      return Optional.of(SchemaNames.INT_OR_STRING);
    }
    if (type == MicroTime.class || Temporal.class.isAssignableFrom(type)) {
      return Optional.of(SchemaNames.MICRO_TIME);
    }
    if (type == Duration.class) {
      return Optional.of(SchemaNames.DURATION);
    }
    if (type == RawExtension.class
        || type == Object.class
        || (type.isInterface() && KubernetesResource.class.isAssignableFrom(type))) {
      return Optional.of(SchemaNames.RAW_EXTENSION);
    }
    return Optional.empty();
  }

  private void defineSpecial(String name) {
    if (defined.containsKey(name)) {
      return;
    }
    ObjectNode s = NODES.objectNode();
    switch (name) {
      case SchemaNames.QUANTITY -> {
        s.put("description", "A fixed-point number with an optional suffix: 500m, 2, 1.5Gi, 1e3.");
        oneOf(s, "string", "number");
      }
      case SchemaNames.INT_OR_STRING -> {
        s.put("description", "An integer or a string, such as a port number or name.");
        s.put("format", "int-or-string");
        oneOf(s, "integer", "string");
        s.put("x-kubernetes-int-or-string", true);
      }
      case SchemaNames.TIME -> {
        s.put("description", "An RFC 3339 date and time in UTC, to the second.");
        s.put("format", "date-time");
        s.put("type", "string");
      }
      case SchemaNames.MICRO_TIME -> {
        s.put("description", "An RFC 3339 date and time in UTC, to the microsecond.");
        s.put("format", "date-time");
        s.put("type", "string");
      }
      case SchemaNames.DURATION -> {
        s.put("description", "A duration in Go's notation, such as 1h30m or 90s.");
        s.put("type", "string");
      }
      default -> {
        s.put("description", "An embedded object, kept as the JSON it was given.");
        s.put("type", "object");
      }
    }
    defined.put(name, s);
  }

  private void fillObject(ObjectNode schema, Class<?> type, String name, Optional<String> proto) {
    BeanDescription bean =
        Serialization.json().getSerializationConfig().introspect(constructType(type));
    List<BeanPropertyDefinition> props =
        bean.findProperties().stream()
            .sorted(Comparator.comparing(BeanPropertyDefinition::getName))
            .toList();
    KnownFieldFacts.TypeFacts facts = KnownFieldFacts.of(name);
    Optional<Gvk> gvk = gvkOf(type);
    if (!props.isEmpty()) {
      ObjectNode properties = schema.putObject("properties");
      for (BeanPropertyDefinition p : props) {
        Optional<FieldDescriptor> field = proto.flatMap(m -> ProtoIndex.field(m, p.getName()));
        ObjectNode ps = typeSchema(p.getPrimaryType(), field.orElse(null), Position.PROPERTY);
        if (gvk.isPresent() && STANDARD_FIELDS.containsKey(p.getName())) {
          ps.put("description", STANDARD_FIELDS.get(p.getName()));
        }
        KnownFieldFacts.ListType list = facts.lists().get(p.getName());
        if (list != null && ps.path("type").asText().equals("array")) {
          ps.put("x-kubernetes-list-type", list.type());
          if (!list.keys().isEmpty()) {
            strings(ps.putArray("x-kubernetes-list-map-keys"), list.keys());
          }
        }
        PatchExtensions.apply(type, p.getName(), ps);
        properties.set(p.getName(), ps);
      }
      List<String> required = facts.required().stream().filter(r -> properties.has(r)).toList();
      if (!required.isEmpty()) {
        strings(schema.putArray("required"), required);
      }
    }
    schema.put("type", "object");
    if (facts.mapType() != null) {
      schema.put("x-kubernetes-map-type", facts.mapType());
    }
    gvk.ifPresent(g -> schema.putArray("x-kubernetes-group-version-kind").add(g.toJson()));
  }

  /**
   * The schema of a value of {@code type}; {@code field} is its protobuf field when known, which
   * tells Times from plain strings and bytes from text.
   */
  private ObjectNode typeSchema(JavaType type, FieldDescriptor field, Position position) {
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType() || type.isArrayType() && raw != byte[].class) {
      ObjectNode s = NODES.objectNode();
      s.set("items", typeSchema(type.getContentType(), field, Position.ITEM));
      s.put("type", "array");
      return s;
    }
    if (type.isMapLikeType()) {
      ObjectNode s = NODES.objectNode();
      FieldDescriptor value =
          field != null && field.isMapField()
              ? field.getMessageType().findFieldByName("value")
              : null;
      s.set("additionalProperties", typeSchema(type.getContentType(), value, Position.MAP_VALUE));
      s.put("type", "object");
      return s;
    }
    Optional<String> wellKnown = protoWellKnown(field);
    if (wellKnown.isPresent() && (raw == String.class || special(raw).isPresent())) {
      defineSpecial(wellKnown.get());
      return position == Position.PROPERTY
          ? wrapped(wellKnown.get(), false)
          : refNode(wellKnown.get());
    }
    Optional<ObjectNode> scalar = scalar(raw, field);
    if (scalar.isPresent()) {
      return scalar.get();
    }
    if (raw == AnyType.class || JsonNode.class.isAssignableFrom(raw)) {
      // Any JSON value: upstream's apiextensions JSON type, which has no type of its own.
      ObjectNode s = NODES.objectNode();
      s.put("x-kubernetes-preserve-unknown-fields", true);
      return s;
    }
    String protoType =
        field != null && field.getType() == FieldDescriptor.Type.MESSAGE
            ? field.getMessageType().getFullName()
            : null;
    String name = define(raw, protoType);
    boolean struct = special(raw).isEmpty();
    return switch (position) {
      case PROPERTY -> wrapped(name, false);
      case ITEM -> struct ? wrapped(name, true) : refNode(name);
      case MAP_VALUE -> refNode(name);
    };
  }

  /** Where a value sits, which decides upstream's reference form. */
  private enum Position {
    PROPERTY,
    ITEM,
    MAP_VALUE
  }

  private static Optional<ObjectNode> scalar(Class<?> raw, FieldDescriptor field) {
    ObjectNode s = NODES.objectNode();
    if (raw == String.class || raw == byte[].class || raw.isEnum()) {
      if (raw == byte[].class || field != null && field.getType() == FieldDescriptor.Type.BYTES) {
        s.put("format", "byte");
      }
      s.put("type", "string");
    } else if (raw == Integer.class
        || raw == int.class
        || raw == Short.class
        || raw == short.class) {
      s.put("format", "int32");
      s.put("type", "integer");
    } else if (raw == Long.class || raw == long.class) {
      s.put("format", "int64");
      s.put("type", "integer");
    } else if (raw == Double.class
        || raw == double.class
        || raw == Float.class
        || raw == float.class) {
      s.put("format", "double");
      s.put("type", "number");
    } else if (raw == Boolean.class || raw == boolean.class) {
      s.put("type", "boolean");
    } else {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** The apimachinery type a protobuf field declares, when it has a JSON form of its own. */
  private static Optional<String> protoWellKnown(FieldDescriptor field) {
    if (field == null || field.getType() != FieldDescriptor.Type.MESSAGE) {
      return Optional.empty();
    }
    String type = field.getMessageType().getFullName();
    return switch (type) {
      case "k8s.io.apimachinery.pkg.apis.meta.v1.Time" -> Optional.of(SchemaNames.TIME);
      case "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime" -> Optional.of(SchemaNames.MICRO_TIME);
      case "k8s.io.apimachinery.pkg.apis.meta.v1.Duration" -> Optional.of(SchemaNames.DURATION);
      default -> Optional.empty();
    };
  }

  /** Upstream's reference form: {@code {"allOf":[{"$ref":…}]}}, plus {@code default: {}}. */
  private static ObjectNode wrapped(String name, boolean emptyDefault) {
    ObjectNode s = NODES.objectNode();
    s.putArray("allOf").add(refNode(name));
    if (emptyDefault) {
      s.putObject("default");
    }
    return s;
  }

  private static ObjectNode refNode(String name) {
    ObjectNode r = NODES.objectNode();
    r.put("$ref", REF_PREFIX + name);
    return r;
  }

  private static void oneOf(ObjectNode s, String... types) {
    ArrayNode a = s.putArray("oneOf");
    for (String t : types) {
      a.addObject().put("type", t);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static JavaType constructType(Class<?> type) {
    return Serialization.json().getTypeFactory().constructType(type);
  }

  /** The GVK a fabric8 class is annotated with: top-level kinds, their lists, options kinds. */
  private static Optional<Gvk> gvkOf(Class<?> type) {
    Group group = type.getAnnotation(Group.class);
    Version version = type.getAnnotation(Version.class);
    if (group == null || version == null) {
      return Optional.empty();
    }
    Kind kind = type.getAnnotation(Kind.class);
    return Optional.of(
        new Gvk(
            group.value(), version.value(), kind != null ? kind.value() : type.getSimpleName()));
  }
}
