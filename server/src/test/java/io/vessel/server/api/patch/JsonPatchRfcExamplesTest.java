package io.vessel.server.api.patch;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The situations of RFC 6902 appendix A, with data of our own. A.13 (an operation with two {@code
 * op} members) is a JSON-text matter that a parsed tree cannot express.
 */
class JsonPatchRfcExamplesTest {

  static Stream<Arguments> succeeding() {
    return Stream.of(
        arguments(
            named("A.1 adding an object member", "{'name':'web'}"),
            "[{'op':'add','path':'/image','value':'nginx'}]",
            "{'name':'web','image':'nginx'}"),
        arguments(
            named("A.2 adding an array element", "{'args':['a','c']}"),
            "[{'op':'add','path':'/args/1','value':'b'}]",
            "{'args':['a','b','c']}"),
        arguments(
            named("A.3 removing an object member", "{'keep':1,'drop':2}"),
            "[{'op':'remove','path':'/drop'}]",
            "{'keep':1}"),
        arguments(
            named("A.4 removing an array element", "{'args':['a','b','c']}"),
            "[{'op':'remove','path':'/args/1'}]",
            "{'args':['a','c']}"),
        arguments(
            named("A.5 replacing a value", "{'replicas':1,'name':'x'}"),
            "[{'op':'replace','path':'/replicas','value':3}]",
            "{'replicas':3,'name':'x'}"),
        arguments(
            named("A.6 moving a value", "{'spec':{'old':'v','keep':1},'status':{}}"),
            "[{'op':'move','from':'/spec/old','path':'/status/new'}]",
            "{'spec':{'keep':1},'status':{'new':'v'}}"),
        arguments(
            named("A.7 moving an array element", "{'list':['a','b','c','d']}"),
            "[{'op':'move','from':'/list/1','path':'/list/3'}]",
            "{'list':['a','c','d','b']}"),
        arguments(
            named("A.8 testing a value: success", "{'s':'x','n':[1,2,'3']}"),
            "[{'op':'test','path':'/s','value':'x'},{'op':'test','path':'/n','value':[1,2,'3']}]",
            "{'s':'x','n':[1,2,'3']}"),
        arguments(
            named("A.10 adding a nested member object", "{'spec':{}}"),
            "[{'op':'add','path':'/spec/template','value':{'labels':{'app':'web'}}}]",
            "{'spec':{'template':{'labels':{'app':'web'}}}}"),
        arguments(
            named("A.11 ignoring unrecognized elements", "{'a':1}"),
            "[{'op':'add','path':'/b','value':2,'note':'ignored'}]",
            "{'a':1,'b':2}"),
        arguments(
            named("A.14 ~ escape ordering", "{'/':1,'~1':2}"),
            "[{'op':'test','path':'/~01','value':2}]",
            "{'/':1,'~1':2}"),
        arguments(
            named("A.16 adding an array value", "{'a':['x']}"),
            "[{'op':'add','path':'/a/-','value':['y','z']}]",
            "{'a':['x',['y','z']]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("succeeding")
  @DisplayName("apply, RFC 6902 appendix A case, yields the expected document")
  void appliesAppendixCase(String target, String patch, String expected) {
    assertThat(JsonPatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  static Stream<Arguments> failing() {
    return Stream.of(
        arguments(
            named("A.9 testing a value: error", "{'s':'x'}"),
            "[{'op':'test','path':'/s','value':'y'}]",
            "testing value /s failed: test failed"),
        arguments(
            named("A.12 adding to a nonexistent target", "{'a':1}"),
            "[{'op':'add','path':'/b/c','value':1}]",
            "add operation does not apply: doc is missing path: \"/b/c\": missing value"),
        arguments(
            named("A.15 comparing strings and numbers", "{'/':1,'~1':10}"),
            "[{'op':'test','path':'/~01','value':'10'}]",
            "testing value /~01 failed: test failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failing")
  @DisplayName("apply, RFC 6902 appendix A error case, throws 422 Invalid")
  void rejectsAppendixCase(String target, String patch, String detail) {
    assertThatThrownBy(() -> JsonPatch.apply(json(target), json(patch)))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.reason()).isEqualTo("Invalid");
              assertThat(e).hasMessage(PatchException.INVALID_MESSAGE);
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  @Test
  @DisplayName("unknownFields, A.11 extra member, reports it as strict decoding does")
  void reportsUnrecognizedElements() {
    var patch = json("[{'op':'test','path':'/a','value':1},{'op':'add','path':'/b','Op':1}]");

    assertThat(JsonPatch.unknownFields(patch))
        .containsExactly("json patch unknown field \"[1].Op\"");
  }
}
