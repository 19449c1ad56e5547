package io.vessel.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Map;

/**
 * A body value of the wrong JSON type. kube-apiserver reports these through Go's decoder ({@code
 * json: cannot unmarshal number into Go struct field ConfigMap.data of type string}); the body
 * decoder wraps {@link #goMessage()} into the same 400 BadRequest text.
 */
public final class TypeMismatch extends RuntimeException {
  private static final Map<Class<?>, String> GO_TYPES =
      Map.of(
          String.class, "string",
          Integer.class, "int32",
          int.class, "int32",
          Long.class, "int64",
          long.class, "int64",
          Boolean.class, "bool",
          boolean.class, "bool",
          Double.class, "float64",
          Float.class, "float32");

  private final String goMessage;

  private TypeMismatch(String goMessage) {
    super(goMessage, null, false, false);
    this.goMessage = goMessage;
  }

  public String goMessage() {
    return goMessage;
  }

  static TypeMismatch of(MismatchedInputException e, Class<?> root) {
    StringBuilder field = new StringBuilder(root.getSimpleName());
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        field.append('.').append(ref.getFieldName());
      }
    }
    String value = "value";
    if (e.getProcessor() instanceof JsonParser p) {
      value = jsonKind(p.currentToken());
    }
    Class<?> target = e.getTargetType();
    String type =
        target == null ? "object" : GO_TYPES.getOrDefault(target, target.getSimpleName());
    return new TypeMismatch(
        "json: cannot unmarshal " + value + " into Go struct field " + field + " of type " + type);
  }

  private static String jsonKind(JsonToken t) {
    if (t == null) {
      return "value";
    }
    return switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_STRING -> "string";
      case VALUE_TRUE, VALUE_FALSE -> "bool";
      case START_ARRAY, END_ARRAY -> "array";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
      default -> "value";
    };
  }
}
