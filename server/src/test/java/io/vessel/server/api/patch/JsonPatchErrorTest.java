package io.vessel.server.api.patch;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected texts come from apiserver v0.33.0 {@code handlers/patch.go}, Go's {@code encoding/json}
 * type errors and evanphx/json-patch v4.12.0 {@code patch.go}.
 */
class JsonPatchErrorTest {

  static final String STRICT = "error decoding patch: json: cannot unmarshal ";

  static Stream<Arguments> badBodies() {
    return Stream.of(
        arguments(
            named("object body, Warn", json("{'op':'add'}")),
            FieldValidation.WARN,
            STRICT + "object into Go value of type []handlers.jsonPatchOp"),
        arguments(
            named("object body, Ignore", json("{}")),
            FieldValidation.IGNORE,
            "json: cannot unmarshal object into Go value of type jsonpatch.Patch"),
        arguments(
            named("string body, Strict", json("'x'")),
            FieldValidation.STRICT,
            STRICT + "string into Go value of type []handlers.jsonPatchOp"),
        arguments(
            named("number body, Warn", json("1")),
            FieldValidation.WARN,
            STRICT + "number into Go value of type []handlers.jsonPatchOp"),
        arguments(
            named("bool body, Ignore", json("false")),
            FieldValidation.IGNORE,
            "json: cannot unmarshal bool into Go value of type jsonpatch.Patch"),
        arguments(
            named("number element, Warn", json("[1]")),
            FieldValidation.WARN,
            STRICT + "number into Go value of type handlers.jsonPatchOp"),
        arguments(
            named("number element, Ignore", json("[1]")),
            FieldValidation.IGNORE,
            "json: cannot unmarshal number into Go value of type jsonpatch.Operation"),
        arguments(
            named("array element, Strict", json("[[]]")),
            FieldValidation.STRICT,
            STRICT + "array into Go value of type handlers.jsonPatchOp"),
        arguments(
            named("numeric op, Warn", json("[{'op':1}]")),
            FieldValidation.WARN,
            STRICT + "number into Go struct field jsonPatchOp.op of type string"),
        arguments(
            named("object path, Strict", json("[{'op':'add','path':{}}]")),
            FieldValidation.STRICT,
            STRICT + "object into Go struct field jsonPatchOp.path of type string"),
        arguments(
            named("bool from, Warn", json("[{'op':'move','from':true}]")),
            FieldValidation.WARN,
            STRICT + "bool into Go struct field jsonPatchOp.from of type string"),
        arguments(
            named("first error in document order wins", json("[{'op':'add','path':['x']},7]")),
            FieldValidation.WARN,
            STRICT + "array into Go struct field jsonPatchOp.path of type string"),
        arguments(
            named("empty body, Warn", MissingNode.getInstance()),
            FieldValidation.WARN,
            "error decoding patch: unexpected end of JSON input"),
        arguments(
            named("empty body, Ignore", null),
            FieldValidation.IGNORE,
            "unexpected end of JSON input"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  @DisplayName("apply, body of the wrong shape, throws 400 with kube-apiserver's message")
  void rejectsBadBody(JsonNode body, FieldValidation validation, String message) {
    assertThatThrownBy(() -> JsonPatch.apply(json("{}"), body, validation))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("BadRequest");
              assertThat(e).hasMessage(message);
            });
  }

  @Test
  @DisplayName("apply, more operations than the cap, throws 413")
  void rejectsTooManyOperations() {
    // Given
    var ops = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      ops.add(json("{'op':'test','path':'/a','value':1}"));
    }

    // When / Then
    assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), ops))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(413);
              assertThat(e.reason()).isEqualTo("RequestEntityTooLarge");
              assertThat(e)
                  .hasMessage(
                      "Request entity too large: The allowed maximum operations in"
                          + " a JSON patch is 10000, got 10001");
            });
  }

  static Stream<Arguments> notApplying() {
    return Stream.of(
        arguments(named("unknown op", "[{'op':'merge','path':'/a'}]"), "Unexpected kind: merge"),
        arguments(named("missing op", "[{'path':'/a'}]"), "Unexpected kind: unknown"),
        arguments(named("null operation", "[null]"), "Unexpected kind: unknown"),
        arguments(
            named("op is case-sensitive", "[{'op':'ADD','path':'/a','value':1}]"),
            "Unexpected kind: ADD"),
        arguments(
            named("add without path", "[{'op':'add','value':1}]"),
            "add operation failed to decode path: missing value"),
        arguments(
            named("add to the whole document", "[{'op':'add','path':'','value':{}}]"),
            "add operation does not apply: doc is missing path: \"\": missing value"),
        arguments(
            named("path without leading slash", "[{'op':'add','path':'a/b','value':1}]"),
            "add operation failed to decode path: missing value"),
        arguments(
            named("add through a scalar", "[{'op':'add','path':'/s/x','value':1}]"),
            "add operation does not apply: doc is missing path: \"/s/x\": missing value"),
        arguments(
            named("add past the array end", "[{'op':'add','path':'/l/3','value':1}]"),
            "error in add for path: '/l/3': Unable to access invalid index: 3: invalid index"
                + " referenced"),
        arguments(
            named("add before the array start", "[{'op':'add','path':'/l/-4','value':1}]"),
            "error in add for path: '/l/-4': Unable to access invalid index: -4: invalid index"
                + " referenced"),
        arguments(
            named("add at a word index", "[{'op':'add','path':'/l/x','value':1}]"),
            "error in add for path: '/l/x': value was not a proper array index: 'x'"),
        arguments(
            named("remove absent member", "[{'op':'remove','path':'/x'}]"),
            "error in remove for path: '/x': Unable to remove nonexistent key: x: missing value"),
        arguments(
            named("remove past the array end", "[{'op':'remove','path':'/l/2'}]"),
            "error in remove for path: '/l/2': Unable to access invalid index: 2: invalid index"
                + " referenced"),
        arguments(
            named("remove the append marker", "[{'op':'remove','path':'/l/-'}]"),
            "error in remove for path: '/l/-': Unable to access invalid index: -: invalid index"
                + " referenced"),
        arguments(
            named("remove without path", "[{'op':'remove'}]"),
            "remove operation failed to decode path: missing value"),
        arguments(
            named("replace without path", "[{'op':'replace','value':1}]"),
            "replace operation failed to decode path: operation missing path field: missing"
                + " value"),
        arguments(
            named("replace under an absent parent", "[{'op':'replace','path':'/x/y','value':1}]"),
            "replace operation does not apply: doc is missing path: /x/y: missing value"),
        arguments(
            named("replace past the array end", "[{'op':'replace','path':'/l/2','value':1}]"),
            "replace operation does not apply: doc is missing key: /l/2: missing value"),
        arguments(
            named("replace the document with a scalar", "[{'op':'replace','path':'','value':1}]"),
            "replace operation value must be object or array"),
        arguments(
            named("move without from", "[{'op':'move','path':'/b'}]"),
            "move operation failed to decode from: operation, missing from field: missing value"),
        arguments(
            named("move from an absent member", "[{'op':'move','from':'/x','path':'/b'}]"),
            "move operation does not apply: doc is missing from path: /x: missing value"),
        arguments(
            named("move into its own child", "[{'op':'move','from':'/o','path':'/o/child'}]"),
            "move operation does not apply: 'from' /o is a proper prefix of 'path' /o/child"),
        arguments(
            named("move to an absent parent", "[{'op':'move','from':'/s','path':'/x/y'}]"),
            "move operation does not apply: doc is missing destination path: /x/y: missing"
                + " value"),
        arguments(
            named("copy from an absent member", "[{'op':'copy','from':'/x','path':'/b'}]"),
            "copy operation does not apply: doc is missing from path: /x: missing value"),
        arguments(
            named("copy without path", "[{'op':'copy','from':'/s'}]"),
            "copy operation failed to decode path: missing value"),
        arguments(
            named("test fails", "[{'op':'test','path':'/s','value':'other'}]"),
            "testing value /s failed: test failed"),
        arguments(
            named("test a string against a number", "[{'op':'test','path':'/n','value':'1'}]"),
            "testing value /n failed: test failed"),
        arguments(
            named("test null against a value", "[{'op':'test','path':'/s','value':null}]"),
            "testing value /s failed: test failed"),
        arguments(
            named("test under an absent parent", "[{'op':'test','path':'/x/y','value':1}]"),
            "test operation does not apply: is missing path: /x/y: missing value"),
        arguments(
            named("test past the array end", "[{'op':'test','path':'/l/5','value':1}]"),
            "error in test for path: '/l/5': Unable to access invalid index: 5: invalid index"
                + " referenced"),
        arguments(
            named("test without path", "[{'op':'test','value':1}]"),
            "test operation failed to decode path: operation missing path field: missing value"),
        arguments(
            named("numeric op under Ignore decodes as unknown", "[{'op':7}]"),
            "Unexpected kind: unknown"),
        arguments(
            named(
                "failure after earlier successes",
                "[{'op':'add','path':'/new','value':1},{'op':'test','path':'/new','value':2}]"),
            "testing value /new failed: test failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notApplying")
  @DisplayName("apply, operation that does not apply, throws 422 with the fixed message")
  void rejectsOperation(String patch, String detail) {
    // Given
    var target = json("{'s':'v','n':1,'l':[1,2],'o':{'k':1}}");
    var before = target.deepCopy();

    // When / Then
    assertThatThrownBy(() -> JsonPatch.apply(target, json(patch), FieldValidation.IGNORE))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.reason()).isEqualTo("Invalid");
              assertThat(e)
                  .hasMessage(
                      "the server rejected our request due to an error in our" + " request");
              assertThat(e.detail()).isEqualTo(detail);
            });
    assertThat(target).isEqualTo(before);
  }

  @Test
  @DisplayName("apply, copies beyond the byte budget, throws 422")
  void rejectsCopyBudget() {
    // Given: a 1 MiB string; the third copy crosses the 3 MiB budget
    var big = JsonNodeFactory.instance.objectNode().put("big", "x".repeat(1024 * 1024));
    var ops =
        json(
            "[{'op':'copy','from':'/big','path':'/c1'},"
                + "{'op':'copy','from':'/big','path':'/c2'},"
                + "{'op':'copy','from':'/big','path':'/c3'},"
                + "{'op':'copy','from':'/big','path':'/c4'}]");

    // When / Then
    assertThatThrownBy(() -> JsonPatch.apply(big, ops))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.detail())
                  .isEqualTo(
                      "Unable to complete the copy, the accumulated size"
                          + " increase of copy is 3145734, exceeding the limit 3145728");
            });
  }

  @Test
  @DisplayName("apply, target that is not an object or array, throws 422")
  void rejectsScalarTarget() {
    assertThatThrownBy(() -> JsonPatch.apply(json("'text'"), json("[]")))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.code()).isEqualTo(422));
  }
}
