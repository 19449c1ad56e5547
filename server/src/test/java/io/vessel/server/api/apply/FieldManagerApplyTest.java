package io.vessel.server.api.apply;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.StatusCause;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Server-side apply on JSON trees: merge, removal, ownership and conflicts. */
class FieldManagerApplyTest {
  private static final String NOW = "2026-01-01T00:00:00Z";

  private static FieldManager.Applied apply(JsonNode live, String config, boolean force) {
    return FieldManager.apply(
        live, (ObjectNode) json(config), Deployment.class, "mgr", "apps/v1", "", force, NOW);
  }

  private static JsonNode withoutManagedFields(JsonNode obj) {
    JsonNode copy = obj.deepCopy();
    ((ObjectNode) copy.get("metadata")).remove("managedFields");
    if (copy.get("metadata").isEmpty()) {
      ((ObjectNode) copy).remove("metadata");
    }
    return copy;
  }

  static Stream<Arguments> merges() {
    return Stream.of(
        arguments(
            named(
                "scalars are replaced and structs merged", "{'spec':{'replicas':1,'paused':true}}"),
            "{'spec':{'replicas':3}}",
            "{'spec':{'replicas':3,'paused':true}}"),
        arguments(
            named(
                "containers merge by name, in the configuration's order",
                "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1',"
                    + "'imagePullPolicy':'Always'}]}}}}"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'b','image':'2'},"
                + "{'name':'a','image':'3'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'b','image':'2'},"
                + "{'name':'a','image':'3','imagePullPolicy':'Always'}]}}}}"),
        arguments(
            named(
                "an atomic struct is replaced whole",
                "{'spec':{'selector':{'matchLabels':{'a':'1','b':'2'}}}}"),
            "{'spec':{'selector':{'matchLabels':{'c':'3'}}}}",
            "{'spec':{'selector':{'matchLabels':{'c':'3'}}}}"),
        arguments(
            named(
                "shared elements follow the configuration, live-only ones keep their place",
                "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'},"
                    + "{'name':'c'}]}}}}"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'c'},{'name':'d'},"
                + "{'name':'a'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'b'},{'name':'c'},"
                + "{'name':'d'},{'name':'a'}]}}}}"),
        arguments(
            named("finalizers merge as a set", "{'metadata':{'finalizers':['a','b']}}"),
            "{'metadata':{'finalizers':['c','a']}}",
            "{'metadata':{'finalizers':['c','a','b']}}"),
        arguments(
            named("maps merge by key", "{'metadata':{'labels':{'a':'1','b':'2'}}}"),
            "{'metadata':{'labels':{'b':'9'}}}",
            "{'metadata':{'labels':{'a':'1','b':'9'}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  @DisplayName("apply, a configuration over an unmanaged object, merged by the model's structure")
  void merge(String live, String config, String expected) {
    // When
    var applied = apply(json(live), config, false);

    // Then
    assertThat(withoutManagedFields(applied.object())).isEqualTo(json(expected));
  }

  @Test
  @DisplayName("apply, on nothing, creates with one Apply entry owning the configuration")
  void create() {
    // When
    var applied =
        apply(null, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'x'},"
            + "'spec':{'replicas':2}}", false);

    // Then
    assertThat(applied.object().get("metadata").get("managedFields"))
        .isEqualTo(
            json(
                "[{'manager':'mgr','operation':'Apply','apiVersion':'apps/v1','time':'" + NOW
                    + "','fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}}]"));
  }

  @Test
  @DisplayName("apply, a field another manager owns with another value, 409 with upstream's text")
  void conflict() {
    // Given
    var live =
        json(
            "{'metadata':{'name':'x','managedFields':[{'manager':'kubectl','operation':'Update',"
                + "'apiVersion':'apps/v1','time':'" + NOW + "','fieldsType':'FieldsV1',"
                + "'subresource':'scale','fieldsV1':{'f:spec':{'f:replicas':{}}}}]},"
                + "'spec':{'replicas':5}}");

    // When / Then
    assertThatThrownBy(() -> apply(live, "{'spec':{'replicas':3}}", false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Apply failed with 1 conflict: conflict with \"kubectl\" with subresource"
                          + " \"scale\" using apps/v1: .spec.replicas");
              assertThat(e.details().causes())
                  .containsExactly(
                      new StatusCause(
                          "FieldManagerConflict",
                          "conflict with \"kubectl\" with subresource \"scale\" using apps/v1",
                          ".spec.replicas"));
            });
  }

  @Test
  @DisplayName("apply, conflicts with two managers, grouped by sorted manager as upstream")
  void conflicts() {
    var live =
        json(
            "{'metadata':{'managedFields':["
                + "{'manager':'zeta','operation':'Apply','apiVersion':'apps/v1',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}},"
                + "{'manager':'alpha','operation':'Update','apiVersion':'apps/v1',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{},"
                + "'f:minReadySeconds':{}}}}]},"
                + "'spec':{'replicas':5,'paused':true,'minReadySeconds':1}}");

    assertThatThrownBy(
            () -> apply(live, "{'spec':{'replicas':3,'paused':false,'minReadySeconds':2}}", false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Apply failed with 3 conflicts: conflicts with \"alpha\" using apps/v1:\n"
                            + "- .spec.minReadySeconds\n"
                            + "- .spec.replicas\n"
                            + "conflicts with \"zeta\":\n"
                            + "- .spec.paused"));
  }

  @Test
  @DisplayName("apply, the same value another manager owns, no conflict and shared ownership")
  void shared() {
    var live =
        json(
            "{'metadata':{'managedFields':[{'manager':'other','operation':'Apply',"
                + "'apiVersion':'apps/v1','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:spec':{'f:replicas':{}}}}]},'spec':{'replicas':5}}");

    var applied = apply(live, "{'spec':{'replicas':5}}", false);

    assertThat(applied.object().get("metadata").get("managedFields")).hasSize(2);
  }

  @Test
  @DisplayName("apply, forced over a conflict, takes the field from its owner")
  void force() {
    var live =
        json(
            "{'metadata':{'managedFields':[{'manager':'other','operation':'Update',"
                + "'apiVersion':'apps/v1','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:spec':{'f:replicas':{},'f:paused':{}}}}]},"
                + "'spec':{'replicas':5,'paused':true}}");

    var applied = apply(live, "{'spec':{'replicas':3}}", true);

    var managed = applied.object().get("metadata").get("managedFields");
    assertThat(applied.object().get("spec").get("replicas").asInt()).isEqualTo(3);
    assertThat(managed.get(0).get("manager").asText()).isEqualTo("mgr");
    assertThat(managed.get(1).get("fieldsV1")).isEqualTo(json("{'f:spec':{'f:paused':{}}}"));
  }

  static Stream<Arguments> removals() {
    return Stream.of(
        arguments(
            named("a key no longer applied is removed", "{'data':{'a':'1','b':'2'}}"),
            "{'f:data':{'f:a':{},'f:b':{}}}",
            "",
            "{'data':{'a':'1'}}"),
        arguments(
            named("a key another manager also owns stays", "{'data':{'a':'1','b':'2'}}"),
            "{'f:data':{'f:a':{},'f:b':{}}}",
            "{'f:data':{'f:b':{}}}",
            "{'data':{'a':'1','b':'2'}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removals")
  @DisplayName("apply, a field dropped from the configuration, removed unless someone owns it")
  void removal(String data, String lastApplied, String otherOwns, String expected) {
    // Given
    ObjectNode live = (ObjectNode) json(data);
    var entries =
        json(
            "[{'manager':'mgr','operation':'Apply','apiVersion':'v1','fieldsType':'FieldsV1',"
                + "'fieldsV1':" + lastApplied + "}]");
    if (!otherOwns.isEmpty()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) entries)
          .add(
              json(
                  "{'manager':'o','operation':'Update','apiVersion':'v1','fieldsType':"
                      + "'FieldsV1','fieldsV1':" + otherOwns + "}"));
    }
    live.putObject("metadata").set("managedFields", entries);

    // When
    var applied =
        FieldManager.apply(
            live, (ObjectNode) json("{'data':{'a':'1'}}"), ConfigMap.class, "mgr", "v1", "",
            false, NOW);

    // Then
    assertThat(applied.object().get("data")).isEqualTo(json(expected).get("data"));
  }

  @Test
  @DisplayName("apply, the same configuration again, no change at all")
  void noop() {
    var first = apply(json("{'metadata':{'name':'x'}}"), "{'spec':{'replicas':2}}", false);

    var again =
        FieldManager.apply(
            first.object(), (ObjectNode) json("{'spec':{'replicas':2}}"), Deployment.class,
            "mgr", "apps/v1", "", false, "2027-01-01T00:00:00Z");

    assertThat(again.changed()).isFalse();
    assertThat(again.object()).isEqualTo(first.object());
  }
}
