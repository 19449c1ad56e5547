package io.vessel.server.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.vessel.server.api.selector.LabelSelector.Operator;
import io.vessel.server.api.selector.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorOfTest {

  static LabelSelectorRequirement expr(String key, String op, String... values) {
    return new LabelSelectorRequirement(key, op, List.of(values));
  }

  static io.fabric8.kubernetes.api.model.LabelSelector selector(
      Map<String, String> labels, LabelSelectorRequirement... expressions) {
    return new LabelSelectorBuilder()
        .withMatchLabels(labels)
        .withMatchExpressions(expressions)
        .build();
  }

  @Test
  @DisplayName("of, null selector, matches nothing")
  void nullSelectorMatchesNothing() {
    var converted = LabelSelector.of(null);

    assertThat(converted.isNothing()).isTrue();
    assertThat(converted.matches(Map.of())).isFalse();
  }

  @Test
  @DisplayName("of, empty selector, matches everything")
  void emptySelectorMatchesEverything() {
    var converted = LabelSelector.of(new io.fabric8.kubernetes.api.model.LabelSelector());

    assertThat(converted.isEverything()).isTrue();
    assertThat(converted.matches(Map.of("any", "thing"))).isTrue();
  }

  static Stream<Arguments> conversions() {
    return Stream.of(
        arguments(named("matchLabels only", selector(Map.of("app", "web"))), "app=web"),
        arguments(
            named("matchLabels sort by key", selector(Map.of("b", "2", "a", "1"))), "a=1,b=2"),
        arguments(
            named(
                "every operator",
                selector(
                    Map.of("tier", "fe"),
                    expr("env", "In", "qa", "prod"),
                    expr("canary", "DoesNotExist"),
                    expr("zone", "NotIn", "z1"),
                    expr("owner", "Exists"))),
            "!canary,env in (prod,qa),owner,tier=fe,zone notin (z1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversions")
  @DisplayName("of, API selector, converts to the equivalent query selector")
  void convertsApiSelector(io.fabric8.kubernetes.api.model.LabelSelector api, String expected) {
    var converted = LabelSelector.of(api);

    assertThat(converted).hasToString(expected);
    assertThat(converted).isEqualTo(LabelSelector.parse(expected));
  }

  @Test
  @DisplayName("of, deployment-style selector, matches pods by labels")
  void matchesLikeController() {
    var converted =
        LabelSelector.of(selector(Map.of("app", "web"), expr("track", "NotIn", "canary")));

    assertThat(converted.matches(Map.of("app", "web", "pod-template-hash", "abc"))).isTrue();
    assertThat(converted.matches(Map.of("app", "web", "track", "canary"))).isFalse();
    assertThat(converted.matches(Map.of("app", "db"))).isFalse();
  }

  static Stream<Arguments> invalidSelectors() {
    var valueRule = LabelSelectorErrorTest.VALUE_RULE;
    return Stream.of(
        arguments(
            named("unknown operator", selector(Map.of(), expr("x", "Equals", "a"))),
            "\"Equals\" is not a valid label selector operator"),
        arguments(
            named("missing operator", selector(Map.of(), expr("x", null))),
            "\"\" is not a valid label selector operator"),
        arguments(
            named("In without values", selector(Map.of(), expr("x", "In"))),
            "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't"
                + " be empty"),
        arguments(
            named("Exists with values", selector(Map.of(), expr("x", "Exists", "a"))),
            "values: Invalid value: []string{\"a\"}: values set must be empty for exists and does"
                + " not exist"),
        arguments(
            named("bad matchLabels key", selector(Map.of("a b", "c"))),
            "key: Invalid value: \"a b\": name part " + LabelSelectorErrorTest.NAME_RULE),
        arguments(
            named("tab in value is Go-escaped", selector(Map.of("x", "a\tb"))),
            "values[0][x]: Invalid value: \"a\\tb\": " + valueRule),
        arguments(
            named(
                "value indices follow given order", selector(Map.of(), expr("x", "In", "b_", "a"))),
            "values[0][x]: Invalid value: \"b_\": " + valueRule));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSelectors")
  @DisplayName("of, invalid API selector, throws LabelSelectorAsSelector's message")
  void rejectsInvalidApiSelector(io.fabric8.kubernetes.api.model.LabelSelector api, String msg) {
    assertThatThrownBy(() -> LabelSelector.of(api))
        .isInstanceOf(SelectorException.class)
        .hasMessage(msg);
  }

  static Stream<Arguments> invalidRequirements() {
    return Stream.of(
        arguments(
            named("two values for equals", Operator.EQUALS),
            List.of("a", "b"),
            "values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires"
                + " one single value"),
        arguments(
            named("no value for not-equals", Operator.NOT_EQUALS),
            List.of(),
            "values: Invalid value: []string(nil): exact-match compatibility requires one single"
                + " value"),
        arguments(
            named("two values for gt", Operator.GREATER_THAN),
            List.of("1", "2"),
            "values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one"
                + " value is required"),
        arguments(
            named("value for does-not-exist", Operator.DOES_NOT_EXIST),
            List.of("\u00a0"),
            "[values: Invalid value: []string{\"\\u00a0\"}: values set must be empty for exists"
                + " and does not exist, values[0][x]: Invalid value: \"\\u00a0\": "
                + LabelSelectorErrorTest.VALUE_RULE
                + "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequirements")
  @DisplayName("new Requirement, wrong value count, throws NewRequirement's message")
  void rejectsWrongValueCount(Operator operator, List<String> values, String message) {
    assertThatThrownBy(() -> new Requirement("x", operator, values))
        .isInstanceOf(SelectorException.class)
        .hasMessage(message);
  }
}
