package io.vessel.server.api.apply;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The FieldsV1 encoding and the set algebra. */
class FieldSetTest {

  static Stream<Arguments> roundTrips() {
    return Stream.of(
        arguments(named("leaves", "{'f:spec':{'f:replicas':{}}}")),
        arguments(named("a member with children", "{'f:metadata':{'f:labels':{'.':{},'f:a':{}}}}")),
        arguments(
            named(
                "keys, values and indexes in upstream order",
                "{'f:spec':{'f:a':{},'k:{\"name\":\"x\"}':{'.':{},'f:name':{}},'v:\"s\"':{},"
                    + "'i:0':{}}}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrips")
  @DisplayName("encode, decoded FieldsV1, same FieldsV1")
  void roundTrip(String fieldsV1) {
    // Given / When
    var set = FieldSet.fromFieldsV1(json(fieldsV1));

    // Then
    assertThat(set.toFieldsV1()).isEqualTo(json(fieldsV1));
  }

  static Stream<Arguments> descriptions() {
    return Stream.of(
        arguments(named("a field", List.of("f:spec", "f:replicas")), ".spec.replicas"),
        arguments(
            named("an associative element", List.of("f:c", "k:{\"name\":\"x\"}", "f:image")),
            ".c[name=\"x\"].image"),
        arguments(
            named(
                "composite keys",
                List.of("f:p", "k:{\"containerPort\":80,\"protocol\":\"TCP\"}")),
            ".p[containerPort=80,protocol=\"TCP\"]"),
        arguments(
            named("a set element", List.of("f:finalizers", "v:\"a\"")), ".finalizers[=\"a\"]"),
        arguments(named("an index", List.of("f:args", "i:0")), ".args[0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptions")
  @DisplayName("describe, a path, upstream's text")
  void describe(List<String> path, String text) {
    assertThat(FieldSet.describe(path)).isEqualTo(text);
  }

  @Test
  @DisplayName("difference, members removed, prefixes kept only while they hold members")
  void difference() {
    // Given
    var a = FieldSet.fromFieldsV1(json("{'f:spec':{'f:a':{},'f:b':{}},'f:data':{'f:x':{}}}"));
    var b = FieldSet.fromFieldsV1(json("{'f:data':{'f:x':{}},'f:spec':{'f:a':{}}}"));

    // When
    var d = a.difference(b);

    // Then
    assertThat(d.toFieldsV1()).isEqualTo(json("{'f:spec':{'f:b':{}}}"));
    assertThat(a.intersection(b)).isEqualTo(b);
    assertThat(a.union(b)).isEqualTo(a);
  }

  @Test
  @DisplayName("hasDescendants, member with and without children, told apart")
  void descendants() {
    var set = FieldSet.fromFieldsV1(json("{'f:a':{'.':{},'f:b':{}},'f:c':{}}"));

    assertThat(set.hasDescendants(List.of("f:a"))).isTrue();
    assertThat(set.hasDescendants(List.of("f:c"))).isFalse();
    assertThat(set.has(List.of("f:a"))).isTrue();
  }

  @Test
  @DisplayName("decode, an unknown path element, refused")
  void malformed() {
    assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("{'x:y':{}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
