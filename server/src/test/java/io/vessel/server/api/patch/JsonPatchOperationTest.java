package io.vessel.server.api.patch;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchOperationTest {

  static Stream<Arguments> rfcBehaviour() {
    return Stream.of(
        arguments(
            named("add replaces an existing member", "{'a':1}"),
            "[{'op':'add','path':'/a','value':2}]",
            "{'a':2}"),
        arguments(
            named("add at the array length appends", "{'a':[1]}"),
            "[{'op':'add','path':'/a/1','value':2}]",
            "{'a':[1,2]}"),
        arguments(
            named("add at index 0 prepends", "{'a':[1]}"),
            "[{'op':'add','path':'/a/0','value':0}]",
            "{'a':[0,1]}"),
        arguments(
            named("~1 escapes a slash", "{}"),
            "[{'op':'add','path':'/metadata~1name','value':1}]",
            "{'metadata/name':1}"),
        arguments(
            named("~0 escapes a tilde", "{}"),
            "[{'op':'add','path':'/m~0n','value':1}]",
            "{'m~n':1}"),
        arguments(
            named("empty token names the empty key", "{}"),
            "[{'op':'add','path':'/','value':1}]",
            "{'':1}"),
        arguments(
            named("nested array traversal", "{'items':[{'name':'a'}]}"),
            "[{'op':'replace','path':'/items/0/name','value':'b'}]",
            "{'items':[{'name':'b'}]}"),
        arguments(
            named("replace the whole document", "{'a':1}"),
            "[{'op':'replace','path':'','value':{'b':2}}]",
            "{'b':2}"),
        arguments(
            named("test the whole document", "{'a':[1]}"),
            "[{'op':'test','path':'','value':{'a':[1]}}]",
            "{'a':[1]}"),
        arguments(
            named("test compares numbers by value", "{'a':1}"),
            "[{'op':'test','path':'/a','value':1.0}]",
            "{'a':1}"),
        arguments(
            named("test ignores member order", "{'a':{'x':1,'y':2}}"),
            "[{'op':'test','path':'/a','value':{'y':2,'x':1}}]",
            "{'a':{'x':1,'y':2}}"),
        arguments(
            named("move to the same place is a no-op", "{'a':1}"),
            "[{'op':'move','from':'/a','path':'/a'}]",
            "{'a':1}"),
        arguments(
            named("move a null member", "{'a':null}"),
            "[{'op':'move','from':'/a','path':'/b'}]",
            "{'b':null}"),
        arguments(
            named("copy a subtree", "{'a':{'b':[1]}}"),
            "[{'op':'copy','from':'/a','path':'/c'}]",
            "{'a':{'b':[1]},'c':{'b':[1]}}"),
        arguments(
            named("copy into an array", "{'a':[1,2]}"),
            "[{'op':'copy','from':'/a/1','path':'/a/0'}]",
            "{'a':[2,1,2]}"),
        arguments(
            named("operations run in order", "{}"),
            "[{'op':'add','path':'/a','value':{}},{'op':'add','path':'/a/b','value':1},"
                + "{'op':'move','from':'/a/b','path':'/c'},{'op':'remove','path':'/a'}]",
            "{'c':1}"),
        arguments(
            named(
                "rollout undo shape",
                "{'metadata':{'annotations':{'r':'2'}}," + "'spec':{'template':{'x':1}}}"),
            "[{'op':'replace','path':'/spec/template','value':{'x':0}},"
                + "{'op':'replace','path':'/metadata/annotations','value':{'r':'1'}}]",
            "{'metadata':{'annotations':{'r':'1'}},'spec':{'template':{'x':0}}}"),
        arguments(named("empty patch", "{'a':1}"), "[]", "{'a':1}"),
        arguments(named("null body is an empty patch", "{'a':1}"), "null", "{'a':1}"),
        arguments(
            named("array document", "[1,2]"), "[{'op':'add','path':'/-','value':3}]", "[1,2,3]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfcBehaviour")
  @DisplayName("apply, RFC 6902 operation, yields the expected document")
  void appliesOperation(String target, String patch, String expected) {
    assertThat(JsonPatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  static Stream<Arguments> kubernetesLeniency() {
    return Stream.of(
        arguments(
            named("replace an absent member adds it", "{'metadata':{}}"),
            "[{'op':'replace','path':'/metadata/labels','value':{'a':'1'}}]",
            "{'metadata':{'labels':{'a':'1'}}}"),
        arguments(
            named("remove index -1 removes the last", "{'a':[1,2,3]}"),
            "[{'op':'remove','path':'/a/-1'}]",
            "{'a':[1,2]}"),
        arguments(
            named("replace index -2", "{'a':[1,2,3]}"),
            "[{'op':'replace','path':'/a/-2','value':9}]",
            "{'a':[1,9,3]}"),
        arguments(
            named("add at -1 appends", "{'a':[1,2]}"),
            "[{'op':'add','path':'/a/-1','value':3}]",
            "{'a':[1,2,3]}"),
        arguments(
            named("add at -3 prepends to two elements", "{'a':[1,2]}"),
            "[{'op':'add','path':'/a/-3','value':0}]",
            "{'a':[0,1,2]}"),
        arguments(
            named("leading zero index", "{'a':[1,2]}"),
            "[{'op':'replace','path':'/a/01','value':9}]",
            "{'a':[1,9]}"),
        arguments(
            named("plus-signed index", "{'a':[1,2]}"),
            "[{'op':'remove','path':'/a/+0'}]",
            "{'a':[2]}"),
        arguments(
            named("traverse through index -1", "{'a':[{'b':1}]}"),
            "[{'op':'replace','path':'/a/-1/b','value':2}]",
            "{'a':[{'b':2}]}"),
        arguments(
            named("test null against absent member", "{'metadata':{}}"),
            "[{'op':'test','path':'/metadata/deletionTimestamp','value':null}]",
            "{'metadata':{}}"),
        arguments(
            named("test without value against null member", "{'a':null}"),
            "[{'op':'test','path':'/a'}]",
            "{'a':null}"),
        arguments(
            named("add without value adds null", "{}"), "[{'op':'add','path':'/a'}]", "{'a':null}"),
        arguments(
            named("unknown tilde sequence is literal", "{}"),
            "[{'op':'add','path':'/a~2b','value':1}]",
            "{'a~2b':1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubernetesLeniency")
  @DisplayName("apply, input kube-apiserver tolerates, yields what it yields")
  void toleratesLikeKubernetes(String target, String patch, String expected) {
    assertThat(JsonPatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  @Test
  @DisplayName("apply, any patch, leaves inputs untouched and unshared")
  void neverMutatesInputs() {
    // Given
    var target = json("{'a':{'b':1},'list':[1,2]}");
    var patch =
        json(
            "[{'op':'add','path':'/c','value':{'d':1}},"
                + "{'op':'copy','from':'/a','path':'/e'},{'op':'remove','path':'/list/0'}]");
    var targetBefore = target.deepCopy();
    var patchBefore = patch.deepCopy();

    // When
    var result = JsonPatch.apply(target, patch);
    ((ObjectNode) result.get("c")).put("d", 99);
    ((ObjectNode) result.get("e")).put("b", 99);

    // Then
    assertThat(target).isEqualTo(targetBefore);
    assertThat(patch).isEqualTo(patchBefore);
    assertThat(result.get("a")).isEqualTo(json("{'b':1}"));
  }

  @Test
  @DisplayName("apply, exactly the operation cap, succeeds")
  void acceptsOperationCap() {
    var ops = new StringBuilder("[");
    for (int i = 0; i < JsonPatch.MAX_OPERATIONS; i++) {
      ops.append(i == 0 ? "" : ",").append("{'op':'test','path':'/a','value':1}");
    }
    assertThat(JsonPatch.apply(json("{'a':1}"), json(ops.append("]").toString())))
        .isEqualTo(json("{'a':1}"));
  }

  @Test
  @DisplayName("apply, unknown members under Ignore, are ignored")
  void ignoresUnknownMembers() {
    var patch = json("[{'op':'add','path':'/a','value':1,'extra':{'x':1}}]");

    assertThat(JsonPatch.apply(json("{}"), patch, FieldValidation.IGNORE))
        .isEqualTo(json("{'a':1}"));
    assertThat(JsonPatch.unknownFields(patch))
        .containsExactly("json patch unknown field \"[0].extra\"");
  }
}
