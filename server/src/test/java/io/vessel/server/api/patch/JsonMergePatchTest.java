package io.vessel.server.api.patch;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMergePatchTest {

  /** The shapes of RFC 7386 appendix A, with data of our own. */
  static Stream<Arguments> rfcAppendixA() {
    return Stream.of(
        arguments(named("replace a member", "{'k':'old'}"), "{'k':'new'}", "{'k':'new'}"),
        arguments(named("add a member", "{'k':'v'}"), "{'n':'w'}", "{'k':'v','n':'w'}"),
        arguments(named("null deletes the only member", "{'k':'v'}"), "{'k':null}", "{}"),
        arguments(named("null deletes one member", "{'k':'v','n':'w'}"), "{'k':null}", "{'n':'w'}"),
        arguments(named("scalar replaces an array", "{'k':['v']}"), "{'k':'s'}", "{'k':'s'}"),
        arguments(named("array replaces a scalar", "{'k':'s'}"), "{'k':['v']}", "{'k':['v']}"),
        arguments(
            named("nested merge and delete", "{'k':{'a':'b'}}"),
            "{'k':{'a':'c','z':null}}",
            "{'k':{'a':'c'}}"),
        arguments(named("arrays replace whole", "{'k':[{'a':'b'}]}"), "{'k':[1]}", "{'k':[1]}"),
        arguments(named("array patch replaces array", "['x','y']"), "['p','q']", "['p','q']"),
        arguments(named("array patch replaces object", "{'k':'v'}"), "['p']", "['p']"),
        arguments(named("null patch replaces all", "{'k':'v'}"), "null", "null"),
        arguments(named("scalar patch replaces all", "{'k':'v'}"), "'s'", "'s'"),
        arguments(named("null in target is kept", "{'e':null}"), "{'k':1}", "{'e':null,'k':1}"),
        arguments(
            named("object patch on array target", "[1,2]"), "{'k':'v','z':null}", "{'k':'v'}"),
        arguments(
            named("nested nulls vanish on absent target", "{}"),
            "{'k':{'m':{'n':null}}}",
            "{'k':{'m':{}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfcAppendixA")
  @DisplayName("apply, RFC 7386 appendix case, yields the expected document")
  void appliesRfcCases(String target, String patch, String expected) {
    assertThat(JsonMergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  static Stream<Arguments> kubernetesShapes() {
    return Stream.of(
        arguments(
            named("kubectl label", "{'metadata':{'name':'p','labels':{'a':'1'}}}"),
            "{'metadata':{'labels':{'b':'2'}}}",
            "{'metadata':{'name':'p','labels':{'a':'1','b':'2'}}}"),
        arguments(
            named("kubectl label removal", "{'metadata':{'labels':{'a':'1','b':'2'}}}"),
            "{'metadata':{'labels':{'a':null}}}",
            "{'metadata':{'labels':{'b':'2'}}}"),
        arguments(
            named("kubectl scale", "{'spec':{'replicas':1,'paused':false}}"),
            "{'spec':{'replicas':3}}",
            "{'spec':{'replicas':3,'paused':false}}"),
        arguments(
            named("deleting an absent member is a no-op", "{'a':1}"), "{'b':null}", "{'a':1}"),
        arguments(named("empty patch changes nothing", "{'a':{'b':[1]}}"), "{}", "{'a':{'b':[1]}}"),
        arguments(
            named("nulls inside arrays are kept", "{'a':1}"),
            "{'a':[{'b':null},null]}",
            "{'a':[{'b':null},null]}"),
        arguments(
            named("object patch over scalar member", "{'a':'s'}"),
            "{'a':{'b':1,'c':null}}",
            "{'a':{'b':1}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubernetesShapes")
  @DisplayName("apply, Kubernetes-style patch, merges as kubectl expects")
  void appliesKubernetesShapes(String target, String patch, String expected) {
    assertThat(JsonMergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  @Test
  @DisplayName("apply, any inputs, leaves them untouched and unshared")
  void neverMutatesInputs() {
    // Given
    var target = json("{'a':{'b':1},'c':[1]}");
    var patch = json("{'a':{'d':{'e':2}},'c':null,'f':[3]}");
    var targetBefore = target.deepCopy();
    var patchBefore = patch.deepCopy();

    // When
    var result = JsonMergePatch.apply(target, patch);
    ((ObjectNode) result.get("a")).put("b", 99);
    ((ObjectNode) result.get("a").get("d")).put("e", 99);

    // Then
    assertThat(target).isEqualTo(targetBefore);
    assertThat(patch).isEqualTo(patchBefore);
  }

  @Test
  @DisplayName("apply, null or missing target, treats it as absent")
  void absentTarget() {
    assertThat(JsonMergePatch.apply(null, json("{'a':null,'b':1}"))).isEqualTo(json("{'b':1}"));
    assertThat(JsonMergePatch.apply(MissingNode.getInstance(), json("{'b':1}")))
        .isEqualTo(json("{'b':1}"));
  }

  static Stream<Arguments> rejectedBodies() {
    var strictPrefix = "error decoding patch: json: cannot unmarshal ";
    var goMap = " into Go value of type map[string]interface {}";
    return Stream.of(
        arguments(named("null, Warn", json("null")), FieldValidation.WARN, "Invalid JSON Patch"),
        arguments(
            named("null, Ignore", json("null")), FieldValidation.IGNORE, "Invalid JSON Patch"),
        arguments(
            named("empty body, Strict", MissingNode.getInstance()),
            FieldValidation.STRICT,
            "error decoding patch: unexpected end of JSON input"),
        arguments(
            named("empty body, Ignore", MissingNode.getInstance()),
            FieldValidation.IGNORE,
            "Invalid JSON Patch"),
        arguments(
            named("array, Warn", json("[1]")),
            FieldValidation.WARN,
            strictPrefix + "array" + goMap),
        arguments(
            named("string, Strict", json("'x'")),
            FieldValidation.STRICT,
            strictPrefix + "string" + goMap),
        arguments(
            named("number, Warn", json("5")),
            FieldValidation.WARN,
            strictPrefix + "number" + goMap),
        arguments(
            named("bool, Warn", json("true")), FieldValidation.WARN, strictPrefix + "bool" + goMap),
        arguments(
            named("string, Ignore", json("'x'")), FieldValidation.IGNORE, "Invalid JSON Patch"),
        arguments(
            named("number, Ignore", json("5")), FieldValidation.IGNORE, "Invalid JSON Patch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedBodies")
  @DisplayName("checkPatch, body kube-apiserver refuses, throws 400 with its message")
  void rejectsBody(JsonNode body, FieldValidation validation, String message) {
    assertThatThrownBy(() -> JsonMergePatch.checkPatch(body, validation))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("BadRequest");
              assertThat(e).hasMessage(message);
            });
  }

  @Test
  @DisplayName("checkPatch, object body or array under Ignore, accepts it")
  void acceptsBody() {
    assertThatCode(() -> JsonMergePatch.checkPatch(json("{}"), FieldValidation.STRICT))
        .doesNotThrowAnyException();
    assertThatCode(() -> JsonMergePatch.checkPatch(json("['x']"), FieldValidation.IGNORE))
        .doesNotThrowAnyException();
  }
}
