package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The texts of Go's {@code encoding/json} type errors, which kube-apiserver returns verbatim for
 * patch bodies of the wrong shape (sigs.k8s.io/json keeps the standard wording).
 */
final class GoJson {

  private GoJson() {}

  /** {@code json: cannot unmarshal <kind> into Go value of type <goType>}. */
  static String typeError(JsonNode value, String goType) {
    return "json: cannot unmarshal " + kind(value) + " into Go value of type " + goType;
  }

  /** {@code json: cannot unmarshal <kind> into Go struct field <struct>.<field> of type <t>}. */
  static String fieldTypeError(JsonNode value, String struct, String field, String goType) {
    return "json: cannot unmarshal "
        + kind(value)
        + " into Go struct field "
        + struct
        + "."
        + field
        + " of type "
        + goType;
  }

  /** How Go names a JSON value's kind in those errors. */
  static String kind(JsonNode value) {
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    if (value.isNull()) {
      return "null";
    }
    return "string";
  }
}
