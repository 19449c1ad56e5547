package io.vessel.server.api.apply;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Update entries: what ordinary writes record in managedFields. */
class FieldManagerUpdateTest {
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-01-02T00:00:00Z";

  private static String entry(String manager, String op, String time, String fields) {
    return "{'manager':'" + manager + "','operation':'" + op + "','apiVersion':'v1','time':'"
        + time + "','fieldsType':'FieldsV1','fieldsV1':" + fields + "}";
  }

  private static final String A_OWNS_X =
      "{'metadata':{'name':'c','managedFields':["
          + entry("a", "Update", T0, "{'f:data':{'.':{},'f:x':{}}}")
          + "]},'data':{'x':'1'}}";

  static Stream<Arguments> updates() {
    return Stream.of(
        arguments(
            named("create records every field the writer set", "null"),
            "{'metadata':{'name':'c','uid':'u','labels':{'l':'1'}},'data':{'x':'1'}}",
            "b",
            null,
            "[" + entry("b", "Update", T1,
                "{'f:data':{'.':{},'f:x':{}},'f:metadata':{'f:labels':{'.':{},'f:l':{}}}}") + "]"),
        arguments(
            named("a changed field moves to the writer", A_OWNS_X),
            "{'metadata':{'name':'c'},'data':{'x':'2'}}",
            "b",
            null,
            "[" + entry("a", "Update", T0, "{'f:data':{}}") + ","
                + entry("b", "Update", T1, "{'f:data':{'f:x':{}}}") + "]"),
        arguments(
            named("a write that changes nothing keeps the entries", A_OWNS_X),
            "{'metadata':{'name':'c','resourceVersion':'9'},'data':{'x':'1'}}",
            "b",
            null,
            "[" + entry("a", "Update", T0, "{'f:data':{'.':{},'f:x':{}}}") + "]"),
        arguments(
            named("a removed field leaves every set", A_OWNS_X),
            "{'metadata':{'name':'c'},'data':{}}",
            "b",
            null,
            "[" + entry("a", "Update", T0, "{'f:data':{}}") + "]"),
        arguments(
            named("the reset value clears the entries", A_OWNS_X),
            "{'metadata':{'name':'c'},'data':{'x':'1'}}",
            "b",
            "[{}]",
            "[]"),
        arguments(
            named("entries a client sends are used", A_OWNS_X),
            "{'metadata':{'name':'c'},'data':{'x':'1'}}",
            "b",
            "[" + entry("z", "Update", T0, "{'f:data':{'f:x':{}}}") + "]",
            "[" + entry("z", "Update", T0, "{'f:data':{'f:x':{}}}") + "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  @DisplayName("update, a write, upstream's managedFields")
  void update(String live, String updated, String manager, String requested, String expected) {
    // Given
    JsonNode liveTree = live.equals("null") ? null : json(live);

    // When
    var managed =
        FieldManager.update(
            liveTree,
            json(updated),
            ConfigMap.class,
            manager,
            "v1",
            "",
            requested == null ? json("[]") : json(requested),
            T1);

    // Then
    assertThat(managed).isEqualTo(json(expected));
  }
}
