package io.vessel.server.api.patch.strategic;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoValuesTest {

  static Stream<Arguments> formats() {
    return Stream.of(
        arguments(named("map keys sorted", "{'b':1,'a':'x'}"), "map[a:x b:1]"),
        arguments(named("nested map and slice", "{'m':{'k':[1,'s']}}"), "map[m:map[k:[1 s]]]"),
        arguments(named("null is <nil>", "{'a':null}"), "map[a:<nil>]"),
        arguments(named("bools", "[true,false]"), "[true false]"),
        arguments(named("small float", "1.5"), "1.5"),
        arguments(named("float with integral value", "2.0"), "2"),
        arguments(named("float from 1e6 uses exponent", "1000000.0"), "1e+06"),
        arguments(named("float below 1e6 stays plain", "123456.5"), "123456.5"),
        arguments(named("tiny float", "0.00001"), "1e-05"),
        arguments(named("negative float", "-0.25"), "-0.25"),
        arguments(named("int64", "9007199254740993"), "9007199254740993"),
        arguments(named("empty map", "{}"), "map[]"),
        arguments(named("empty slice", "[]"), "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  @DisplayName("v, decoded JSON value, prints like Go's %v")
  void printsLikeGo(String value, String expected) {
    assertThat(GoValues.v(json(value))).isEqualTo(expected);
  }

  static Stream<Arguments> equalities() {
    return Stream.of(
        arguments(named("same strings", "'a'"), "'a'", true),
        arguments(named("int and float never equal", "80"), "80.0", false),
        arguments(named("ints of different width", "80"), "80", true),
        arguments(named("string and number", "'80'"), "80", false),
        arguments(named("nulls", "null"), "null", true),
        arguments(named("maps are never equal", "{}"), "{}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("equalities")
  @DisplayName("equal, two decoded values, compares like Go's ==")
  void comparesLikeGo(String a, String b, boolean expected) {
    assertThat(GoValues.equal(json(a), json(b))).isEqualTo(expected);
  }
}
