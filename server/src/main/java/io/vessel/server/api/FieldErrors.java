package io.vessel.server.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates validation failures with kube's field-error vocabulary, then turns them into one
 * 422 Invalid. Texts follow apimachinery's field.Error rendering ({@code Invalid value: "x": why}).
 */
public final class FieldErrors {
  private final List<StatusCause> causes = new ArrayList<>();

  public FieldErrors required(String field, String detail) {
    causes.add(new StatusCause("FieldValueRequired", "Required value" + suffix(detail), field));
    return this;
  }

  public FieldErrors invalid(String field, Object value, String detail) {
    causes.add(
        new StatusCause(
            "FieldValueInvalid", "Invalid value: " + quote(value) + suffix(detail), field));
    return this;
  }

  public FieldErrors forbidden(String field, String detail) {
    causes.add(new StatusCause("FieldValueForbidden", "Forbidden" + suffix(detail), field));
    return this;
  }

  public FieldErrors notSupported(String field, Object value, List<String> supported) {
    StringBuilder sb = new StringBuilder("Unsupported value: ").append(quote(value));
    if (!supported.isEmpty()) {
      sb.append(": supported values: ");
      for (int i = 0; i < supported.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append('"').append(supported.get(i)).append('"');
      }
    }
    causes.add(new StatusCause("FieldValueNotSupported", sb.toString(), field));
    return this;
  }

  public FieldErrors tooLong(String field, Object value, int max) {
    causes.add(
        new StatusCause(
            "FieldValueTooLong",
            "Too long: may not be more than " + max + " bytes",
            field));
    return this;
  }

  /** Immutable-field change, worded as kube's ValidateImmutableField. */
  public FieldErrors immutable(String field, Object value) {
    return invalid(field, value, "field is immutable");
  }

  public boolean isEmpty() {
    return causes.isEmpty();
  }

  public List<StatusCause> causes() {
    return List.copyOf(causes);
  }

  /** Throws 422 Invalid if anything was recorded. */
  public void throwIfAny(String kind, String group, String name) {
    if (!causes.isEmpty()) {
      throw ApiException.invalid(kind, group, name == null ? "" : name, causes());
    }
  }

  private static String suffix(String detail) {
    return detail == null || detail.isEmpty() ? "" : ": " + detail;
  }

  private static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }
}
