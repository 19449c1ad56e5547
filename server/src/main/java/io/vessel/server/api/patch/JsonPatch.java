package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * JSON patch ({@code application/json-patch+json}, RFC 6902) with kube-apiserver's limits and error
 * answers.
 *
 * <p>Operations {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code
 * test} run in order on a copy of the target; the first failure aborts the whole patch and the
 * inputs are never modified. Pointers follow RFC 6901 ({@code ~1} is {@code /}, {@code ~0} is
 * {@code ~}; {@code -} appends to an array; indices must be in bounds).
 *
 * <p>Where kube-apiserver 1.33 (evanphx/json-patch v4.12) is more lenient than the RFC, Vessel
 * accepts what it accepts, because clients written against Kubernetes rely on it:
 *
 * <ul>
 *   <li>{@code replace} of an absent object member adds it;
 *   <li>negative array indices count from the end ({@code -1} is the last element; for {@code add},
 *       {@code -1} appends); {@code +1} and {@code 01} read as {@code 1};
 *   <li>{@code test} treats an absent member and {@code null} alike, so {@code
 *       {"op":"test","path":"/metadata/deletionTimestamp","value":null}} passes on a live object;
 *   <li>a missing {@code value} means {@code null}; unknown members of an operation are ignored
 *       (see {@link #unknownFields(JsonNode)});
 *   <li>a {@code ~} not followed by {@code 0} or {@code 1} is literal.
 * </ul>
 *
 * <p>Where v4 has plain bugs, Vessel follows the RFC and refuses: a path without a leading {@code
 * /} (v4 drops its first segment), {@code copy} from an absent location (v4 copies {@code null}),
 * {@code replace} of the whole document with a scalar (v4 ignores it), and {@code move} into the
 * moved value's own child. {@code test} compares numbers by value (v4 compares their text).
 * Operations on the whole document ({@code ""}) are limited to {@code replace} and {@code test}, as
 * in v4.
 *
 * <p>Failures are {@link PatchException}s: {@code 400} for a body of the wrong shape, {@code 413}
 * above {@link #MAX_OPERATIONS} operations, {@code 422} with kube-apiserver's fixed message for
 * anything that does not apply.
 */
public final class JsonPatch {

  /** kube-apiserver's cap on operations in one patch ({@code maxJSONPatchOperations}). */
  public static final int MAX_OPERATIONS = 10_000;

  /**
   * kube-apiserver's cap on the bytes {@code copy} operations may add in one patch ({@code
   * JSONPatchMaxCopyBytes}, 3 MiB); measured here as compact UTF-8 JSON.
   */
  public static final long MAX_COPY_BYTES = 3L * 1024 * 1024;

  private JsonPatch() {}

  /**
   * Applies {@code operations} to {@code target} as kube-apiserver does when the request has no
   * {@code fieldValidation} parameter ({@link FieldValidation#WARN}).
   *
   * @see #apply(JsonNode, JsonNode, FieldValidation)
   */
  public static JsonNode apply(JsonNode target, JsonNode operations) {
    return apply(target, operations, FieldValidation.WARN);
  }

  /**
   * Applies {@code operations} to {@code target} and returns the patched copy.
   *
   * @param target the current object (a JSON object or array)
   * @param operations the parsed request body; null or a missing node stands for an empty body, and
   *     JSON {@code null} is an empty patch, as in kube-apiserver
   * @param validation the request's {@code fieldValidation}; it selects which decode-error texts
   *     kube-apiserver uses
   * @throws PatchException {@code 400} with {@code error decoding patch: json: cannot unmarshal
   *     object into Go value of type []handlers.jsonPatchOp} and similar when the body has the
   *     wrong shape, {@code 413} with {@code Request entity too large: The allowed maximum
   *     operations in a JSON patch is 10000, got N}, or {@code 422 Invalid} when an operation does
   *     not apply
   */
  public static JsonNode apply(JsonNode target, JsonNode operations, FieldValidation validation) {
    var decoded = JsonPatchDecoder.decode(operations, validation);
    if (decoded.size() > MAX_OPERATIONS) {
      throw PatchException.requestEntityTooLarge(
          "The allowed maximum operations in a JSON patch is "
              + MAX_OPERATIONS
              + ", got "
              + decoded.size());
    }
    return JsonPatchApplier.apply(target, decoded, MAX_COPY_BYTES);
  }

  /**
   * What kube-apiserver's strict decoding notes without failing: {@code json patch unknown field
   * "[0].foo"} for every operation member other than {@code op}, {@code path}, {@code from} and
   * {@code value} (case-sensitive, at most 100). Under {@code fieldValidation=Warn} send each as a
   * {@code Warning} header; under {@code Strict} kube-apiserver fails the request with {@code 422};
   * under {@code Ignore} drop them. Duplicate members, which upstream also reports, cannot be seen
   * in a parsed {@link JsonNode}.
   */
  public static List<String> unknownFields(JsonNode operations) {
    return JsonPatchDecoder.unknownFields(operations);
  }
}
