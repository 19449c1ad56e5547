package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.patch.PatchException;

/**
 * The failures of a strategic merge patch, with the code, reason and message kube-apiserver
 * answers.
 *
 * <p>Texts come from apimachinery {@code pkg/util/mergepatch/errors.go} and {@code
 * pkg/util/strategicpatch/patch.go}; codes from apiserver {@code pkg/endpoints/handlers/patch.go}
 * {@code interpretStrategicMergePatchError}: five sentinel errors become {@code 400 BadRequest},
 * two become {@code 422 Invalid} with the generic message, and every other error is not a {@code
 * Status} at all, which {@code responsewriters.ErrorToAPIStatus} turns into {@code 500} with an
 * empty reason and the error text as message. Where the Go code would panic on a malformed patch
 * (nil or uncomparable list elements) the apiserver's panic filter answers a plain-text 500 that
 * clients read as {@code InternalError}.
 *
 * <p>{@link PatchException} has no factory for those 500s, so they are raised as {@link
 * ApiException}; both carry what the client must see.
 */
final class SmpErrors {

  private SmpErrors() {}

  // 400 BadRequest: interpretStrategicMergePatchError's first group, and body decoding.

  static PatchException notAnObject(JsonNode body) {
    var kind =
        body.isArray()
            ? "array"
            : body.isNumber() ? "number" : body.isBoolean() ? "bool" : "string";
    return PatchException.badRequest(
        "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}");
  }

  static PatchException unsupportedFormat() {
    return PatchException.badRequest("strategic merge patch format is not supported");
  }

  static PatchException badPrimitiveListFormat() {
    return PatchException.badRequest("invalid patch format of primitive list");
  }

  static PatchException badRetainKeysFormat() {
    return PatchException.badRequest("invalid patch format of retainKeys");
  }

  static PatchException badSetElementOrderFormat() {
    return PatchException.badRequest("invalid patch format of setElementOrder list");
  }

  // 422 Invalid with the fixed generic message.

  static PatchException listOfLists() {
    return PatchException.invalid("lists of lists are not supported");
  }

  // 500 with an empty reason: plain Go errors.

  static ApiException noMergeKey(JsonNode map, String mergeKey) {
    return unknown("map: " + GoValues.v(map) + " does not contain declared merge key: " + mergeKey);
  }

  static ApiException unknownPatchType(JsonNode directive, JsonNode map) {
    return unknown("unknown patch type: " + GoValues.s(directive) + " in map: " + GoValues.v(map));
  }

  static ApiException badArgType(String expected, JsonNode actual) {
    var actualType = GoValues.typeName(actual);
    return unknown(
        "expected a "
            + expected
            + ", but received a "
            + (actualType == null ? "%!s(<nil>)" : actualType));
  }

  static ApiException mergeDirectiveInList() {
    return unknown("merging lists cannot yet be specified in the patch");
  }

  static ApiException elementTypesDiffer(JsonNode original, JsonNode patch) {
    return unknown(
        "list element types are not identical: " + GoValues.sprintSlices(original, patch));
  }

  static ApiException noMergeKeyDeclared(String elementKind) {
    return unknown("cannot merge lists without merge key for " + elementKind);
  }

  static ApiException orderMismatch(JsonNode patchList, JsonNode orderList) {
    return unknown(
        "The order in patch list:\n"
            + GoValues.v(patchList)
            + "\n doesn't match $setElementOrder list:\n"
            + GoValues.v(orderList)
            + "\n");
  }

  static ApiException valueNotAMap(int index) {
    return unknown("value for key " + index + " is not a map");
  }

  static ApiException noApiField(String struct, String jsonField) {
    return unknown(
        "unable to find api field in struct "
            + struct
            + " for the json field "
            + GoValues.quote(jsonField));
  }

  static ApiException notAStruct(String goKind) {
    return unknown("merging an object in json but data type is not struct, instead is: " + goKind);
  }

  static ApiException notASlice() {
    return unknown("expected slice or array type, but got: struct");
  }

  static ApiException noElements() {
    return unknown("no elements in any of the given slices");
  }

  /** What a client sees when the Go code panics on the patch. */
  static ApiException panicked() {
    return new ApiException(
        500,
        "InternalError",
        "an error on the server (\"This request caused apiserver to panic. Look in the logs for"
            + " details.\") has prevented the request from succeeding",
        ApiException.Details.NONE);
  }

  private static ApiException unknown(String message) {
    return new ApiException(500, "", message, ApiException.Details.NONE);
  }
}
