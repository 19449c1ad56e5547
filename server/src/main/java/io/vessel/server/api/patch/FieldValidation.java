package io.vessel.server.api.patch;

/**
 * The {@code fieldValidation} directive of a write request, as far as it changes how a patch body
 * is decoded.
 *
 * <p>With {@link #WARN} (the server default when the parameter is absent, which is what {@code
 * kubectl patch} sends) and {@link #STRICT}, kube-apiserver first decodes the body strictly into
 * its own types and fails with {@code error decoding patch: …} when the shape is wrong; with {@link
 * #IGNORE} only the json-patch library decodes it, with different texts. Source: apiserver v0.33.0
 * {@code handlers/rest.go} {@code fieldValidation} and {@code handlers/patch.go} {@code
 * applyJSPatch}.
 */
public enum FieldValidation {
  IGNORE("Ignore"),
  WARN("Warn"),
  STRICT("Strict");

  private final String directive;

  FieldValidation(String directive) {
    this.directive = directive;
  }

  /**
   * The directive for a {@code fieldValidation} query value; null or empty means {@link #WARN}.
   *
   * @throws IllegalArgumentException for any other value (kube-apiserver rejects it with 422 before
   *     decoding the body)
   */
  public static FieldValidation fromDirective(String directive) {
    if (directive == null || directive.isEmpty()) {
      return WARN;
    }
    for (var value : values()) {
      if (value.directive.equals(directive)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unsupported fieldValidation directive: " + directive);
  }

  /** The directive as written on the wire: {@code Ignore}, {@code Warn} or {@code Strict}. */
  public String directive() {
    return directive;
  }

  boolean decodesStrictly() {
    return this != IGNORE;
  }
}
