package io.vessel.server.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vessel.server.api.selector.LabelSelector.Operator;
import io.vessel.server.api.selector.LabelSelector.Requirement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorParseTest {

  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        arguments(named("empty selects everything", ""), ""),
        arguments(named("blank selects everything", " \t\r\n "), ""),
        arguments(named("bare key is exists", "x"), "x"),
        arguments(named("bang key is does-not-exist", "!x"), "!x"),
        arguments(named("equals", "x=a"), "x=a"),
        arguments(named("double equals kept as written", "x==a"), "x==a"),
        arguments(named("not equals", "x!=a"), "x!=a"),
        arguments(named("equals without value is the empty value", "x="), "x="),
        arguments(named("double equals without value", "x=="), "x=="),
        arguments(named("not equals without value", "x!="), "x!="),
        arguments(named("greater than", "x>1"), "x>1"),
        arguments(named("less than", "x<10"), "x<10"),
        arguments(named("in with one value", "x in (a)"), "x in (a)"),
        arguments(named("in values print sorted", "x in (b,a)"), "x in (a,b)"),
        arguments(named("notin", "x notin (a,b)"), "x notin (a,b)"),
        arguments(named("duplicate values collapse", "x in (a,a)"), "x in (a)"),
        arguments(named("empty parentheses are the empty value", "x in ()"), "x in ()"),
        arguments(named("leading comma is an empty value", "x in (,a)"), "x in (,a)"),
        arguments(named("trailing comma is an empty value", "x in (a,)"), "x in (,a)"),
        arguments(named("double comma is an empty value", "x in (a,,b)"), "x in (,a,b)"),
        arguments(named("double comma before close (1.35 fix)", "x in (a,,)"), "x in (,a)"),
        arguments(named("lone comma in notin", "x notin (,)"), "x notin ()"),
        arguments(named("requirements sort by key", "b=1,a=2"), "a=2,b=1"),
        arguments(named("same key keeps written order", "x=b,x=a"), "x=b,x=a"),
        arguments(named("whitespace around tokens", "  x  =  a  ,  y  "), "x=a,y"),
        arguments(named("tabs and newlines separate", "x\t=\na"), "x=a"),
        arguments(named("no space before parenthesis", "x in(a)"), "x in (a)"),
        arguments(named("spaces inside the value list", "x in ( a , b )"), "x in (a,b)"),
        arguments(named("keyword as key and value", "in in (in)"), "in in (in)"),
        arguments(
            named("notin keyword as key", "notin notin (notin,in)"), "notin notin (in,notin)"),
        arguments(named("keyword as exact value", "x=in"), "x=in"),
        arguments(named("prefixed key", "example.com/app=web"), "example.com/app=web"),
        arguments(
            named(
                "kubectl style set selector",
                "environment in (production, qa),tier notin (frontend,backend),partition,!canary"),
            "!canary,environment in (production,qa),partition,tier notin (backend,frontend)"),
        arguments(named("NUL after a token ends the selector", "x \u0000=a"), "x"),
        arguments(named("NUL inside a token only separates", "x=\u0000a"), "x=a"),
        arguments(named("63-character name", "a".repeat(63)), "a".repeat(63)),
        arguments(named("253-character prefix", "a".repeat(253) + "/b"), "a".repeat(253) + "/b"),
        arguments(named("63-character value", "x=" + "v".repeat(63)), "x=" + "v".repeat(63)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalForms")
  @DisplayName("parse, valid selector, prints canonical form")
  void parsesToCanonicalForm(String selector, String canonical) {
    // When
    var parsed = LabelSelector.parse(selector);

    // Then
    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(LabelSelector.parse(parsed.toString())).hasToString(canonical);
  }

  static Stream<Arguments> requirementShapes() {
    return Stream.of(
        arguments(named("exists", "x"), new Requirement("x", Operator.EXISTS, List.of())),
        arguments(
            named("does not exist", "!x"),
            new Requirement("x", Operator.DOES_NOT_EXIST, List.of())),
        arguments(
            named("in sorts and de-duplicates", "x in (c,a,c,b)"),
            new Requirement("x", Operator.IN, List.of("a", "b", "c"))),
        arguments(
            named("notin with empty value", "x notin (a,)"),
            new Requirement("x", Operator.NOT_IN, List.of("", "a"))),
        arguments(
            named("greater than", "x>0"),
            new Requirement("x", Operator.GREATER_THAN, List.of("0"))),
        arguments(
            named("exact empty value", "x="), new Requirement("x", Operator.EQUALS, List.of(""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirementShapes")
  @DisplayName("parse, single requirement, exposes key operator and values")
  void exposesRequirement(String selector, Requirement expected) {
    assertThat(LabelSelector.parse(selector).requirements()).containsExactly(expected);
  }

  static Stream<Arguments> exactValues() {
    return Stream.of(
        arguments(named("equals pins the value", "x=a"), "a"),
        arguments(named("double equals pins the value", "x==a"), "a"),
        arguments(named("in with one value pins it", "x in (a)"), "a"),
        arguments(named("in with two values does not", "x in (a,b)"), null),
        arguments(named("not equals does not", "x!=a"), null),
        arguments(named("notin does not", "x notin (a)"), null),
        arguments(named("other key does not", "y=a"), null),
        arguments(named("first requirement on the key decides", "x,x=a"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactValues")
  @DisplayName("exactValue, selector on key x, returns the pinned value")
  void reportsExactValue(String selector, String expected) {
    assertThat(LabelSelector.parse(selector).exactValue("x").orElse(null)).isEqualTo(expected);
  }

  @Test
  @DisplayName("parse, null selector, selects everything")
  void nullSelectsEverything() {
    assertThat(LabelSelector.parse(null).isEverything()).isTrue();
    assertThat(LabelSelector.parse(null)).isEqualTo(LabelSelector.everything());
  }

  @Test
  @DisplayName("equals, same canonical requirements, are equal")
  void equalSelectors() {
    assertThat(LabelSelector.parse("b=1, a in (y,x)"))
        .isEqualTo(LabelSelector.parse("a in (x,y),b=1"))
        .hasSameHashCodeAs(LabelSelector.parse("a in (x,y),b=1"))
        .isNotEqualTo(LabelSelector.parse("a in (x,y)"));
    assertThat(LabelSelector.everything()).isNotEqualTo(LabelSelector.nothing());
  }
}
