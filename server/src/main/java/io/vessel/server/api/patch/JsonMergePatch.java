package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch ({@code application/merge-patch+json}, RFC 7386).
 *
 * <p>{@link #apply(JsonNode, JsonNode)} is the RFC algorithm: an object patch merges member by
 * member, a {@code null} member deletes, any other value (arrays included) replaces what was there;
 * a patch that is not an object replaces the whole target. kube-apiserver refuses some bodies
 * before merging; run {@link #checkPatch(JsonNode, FieldValidation)} first to answer as it does.
 *
 * <p>One deliberate difference from kube-apiserver's library (evanphx/json-patch v4): when a patch
 * puts an array where there was none, v4 also deletes {@code null} members of objects nested in
 * that array; this class keeps the array exactly as sent, as the RFC says. Typed objects decode
 * such members as absent either way.
 */
public final class JsonMergePatch {

  private static final String BAD_PATCH = "Invalid JSON Patch";

  private JsonMergePatch() {}

  /**
   * Applies {@code patch} to {@code target}; neither input is modified and the result shares no
   * nodes with them. A null or missing target counts as absent.
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    var result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (var member : patch.properties()) {
      var name = member.getKey();
      var value = member.getValue();
      if (value.isNull()) {
        result.remove(name);
      } else {
        result.set(name, apply(result.get(name), value));
      }
    }
    return result;
  }

  /**
   * Rejects a merge-patch body as kube-apiserver does before merging.
   *
   * <ul>
   *   <li>{@code null} or an empty body: {@code 400 Invalid JSON Patch} (under {@code Warn} and
   *       {@code Strict} an empty body reads {@code error decoding patch: unexpected end of JSON
   *       input});
   *   <li>under {@code Warn}/{@code Strict}, anything but an object: {@code 400 error decoding
   *       patch: json: cannot unmarshal array into Go value of type map[string]interface {}} (with
   *       {@code string}, {@code number} or {@code bool} for scalars);
   *   <li>under {@code Ignore}, a scalar: {@code 400 Invalid JSON Patch}; an array passes (it
   *       replaces the object, which then fails to decode in a later step).
   * </ul>
   *
   * @param patch the parsed body; null or a missing node stands for an empty body
   */
  public static void checkPatch(JsonNode patch, FieldValidation validation) {
    var strict = validation.decodesStrictly();
    if (patch == null || patch.isMissingNode()) {
      throw PatchException.badRequest(
          strict ? "error decoding patch: unexpected end of JSON input" : BAD_PATCH);
    }
    if (patch.isObject()) {
      return;
    }
    if (strict && !patch.isNull()) {
      throw PatchException.badRequest(
          "error decoding patch: " + GoJson.typeError(patch, "map[string]interface {}"));
    }
    if (!patch.isArray()) {
      throw PatchException.badRequest(BAD_PATCH);
    }
  }
}
