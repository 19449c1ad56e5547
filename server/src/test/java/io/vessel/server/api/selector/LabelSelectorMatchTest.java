package io.vessel.server.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorMatchTest {

  static Stream<Arguments> cases() {
    var none = Map.<String, String>of();
    return Stream.of(
        arguments(named("everything, no labels", ""), none, true),
        arguments(named("everything, some labels", ""), Map.of("a", "b"), true),
        arguments(named("exists, present with empty value", "x"), Map.of("x", ""), true),
        arguments(named("exists, absent", "x"), none, false),
        arguments(named("does not exist, absent", "!x"), none, true),
        arguments(named("does not exist, present", "!x"), Map.of("x", "a"), false),
        arguments(named("equals, same value", "x=a"), Map.of("x", "a"), true),
        arguments(named("equals, other value", "x=a"), Map.of("x", "b"), false),
        arguments(named("equals, absent", "x=a"), none, false),
        arguments(named("double equals, same value", "x==a"), Map.of("x", "a"), true),
        arguments(named("empty value, present and empty", "x="), Map.of("x", ""), true),
        arguments(named("empty value, absent", "x="), none, false),
        arguments(named("not equals, absent", "x!=a"), none, true),
        arguments(named("not equals, other value", "x!=a"), Map.of("x", "b"), true),
        arguments(named("not equals, same value", "x!=a"), Map.of("x", "a"), false),
        arguments(named("in, listed value", "x in (a,b)"), Map.of("x", "b"), true),
        arguments(named("in, unlisted value", "x in (a,b)"), Map.of("x", "c"), false),
        arguments(named("in, absent", "x in (a,b)"), none, false),
        arguments(named("in empty, empty value", "x in ()"), Map.of("x", ""), true),
        arguments(named("in empty, other value", "x in ()"), Map.of("x", "a"), false),
        arguments(named("notin, absent", "x notin (a,b)"), none, true),
        arguments(named("notin, unlisted value", "x notin (a,b)"), Map.of("x", "c"), true),
        arguments(named("notin, listed value", "x notin (a,b)"), Map.of("x", "a"), false),
        arguments(named("gt, larger", "x>5"), Map.of("x", "6"), true),
        arguments(named("gt, equal", "x>5"), Map.of("x", "5"), false),
        arguments(named("gt, not a number", "x>5"), Map.of("x", "abc"), false),
        arguments(named("gt, absent", "x>5"), none, false),
        arguments(named("lt, negative label", "x<5"), Map.of("x", "-3"), true),
        arguments(named("lt, leading zeros", "x<5"), Map.of("x", "007"), false),
        arguments(named("and, all hold", "x=a,y"), Map.of("x", "a", "y", "b"), true),
        arguments(named("and, one fails", "x=a,y"), Map.of("x", "a"), false),
        arguments(named("contradiction never matches", "x=a,x=b"), Map.of("x", "a"), false));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("cases")
  @DisplayName("matches, selector and labels, reports whether every requirement holds")
  void matchesLabels(String selector, Map<String, String> labels, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(expected);
  }

  @Test
  @DisplayName("matches, null labels, behaves as no labels")
  void nullLabelsAreEmpty() {
    assertThat(LabelSelector.parse("!x").matches(null)).isTrue();
    assertThat(LabelSelector.parse("x").matches(null)).isFalse();
    assertThat(LabelSelector.everything().matches(null)).isTrue();
  }

  @Test
  @DisplayName("matches, nothing selector, never matches")
  void nothingMatchesNothing() {
    assertThat(LabelSelector.nothing().matches(Map.of())).isFalse();
    assertThat(LabelSelector.nothing().isEverything()).isFalse();
    assertThat(LabelSelector.nothing().isNothing()).isTrue();
    assertThat(LabelSelector.nothing()).hasToString("");
  }

  @Test
  @DisplayName("matches, label map with a null value, treats the key as present")
  void nullValuedLabelIsPresent() {
    var labels = new HashMap<String, String>();
    labels.put("x", null);
    assertThat(LabelSelector.parse("x").matches(labels)).isTrue();
    assertThat(LabelSelector.parse("x>1").matches(labels)).isFalse();
  }
}
