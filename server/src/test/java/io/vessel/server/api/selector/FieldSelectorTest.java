package io.vessel.server.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vessel.server.api.selector.FieldSelector.Op;
import io.vessel.server.api.selector.FieldSelector.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorTest {

  static Stream<Arguments> parses() {
    return Stream.of(
        arguments(named("empty", ""), List.of()),
        arguments(named("lone comma", ","), List.of()),
        arguments(named("bare equals is dropped", "="), List.of()),
        arguments(named("bare not-equals is dropped", "!="), List.of()),
        arguments(
            named("equals", "metadata.name=x"),
            List.of(new Requirement("metadata.name", Op.EQUALS, "x"))),
        arguments(
            named("double equals is equals", "metadata.name==x"),
            List.of(new Requirement("metadata.name", Op.EQUALS, "x"))),
        arguments(
            named("not equals", "status.phase!=Running"),
            List.of(new Requirement("status.phase", Op.NOT_EQUALS, "Running"))),
        arguments(
            named("empty value", "status.podIP="),
            List.of(new Requirement("status.podIP", Op.EQUALS, ""))),
        arguments(
            named("empty field kept for conversion to reject", "=x"),
            List.of(new Requirement("", Op.EQUALS, "x"))),
        arguments(
            named("terms sort", "spec.nodeName=n1,metadata.namespace=default"),
            List.of(
                new Requirement("metadata.namespace", Op.EQUALS, "default"),
                new Requirement("spec.nodeName", Op.EQUALS, "n1"))),
        arguments(
            named("empty terms skipped", "a=1,,b=2,"),
            List.of(new Requirement("a", Op.EQUALS, "1"), new Requirement("b", Op.EQUALS, "2"))),
        arguments(
            named("escaped comma", "a=b\\,c"), List.of(new Requirement("a", Op.EQUALS, "b,c"))),
        arguments(
            named("escaped equals", "a=b\\=c"), List.of(new Requirement("a", Op.EQUALS, "b=c"))),
        arguments(
            named("escaped backslash", "a=b\\\\c"),
            List.of(new Requirement("a", Op.EQUALS, "b\\c"))),
        arguments(
            named("first operator splits", "a!=b\\=c"),
            List.of(new Requirement("a", Op.NOT_EQUALS, "b=c"))),
        arguments(
            named("whitespace is data", " a = b "),
            List.of(new Requirement(" a ", Op.EQUALS, " b "))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parses")
  @DisplayName("parse, valid selector, yields sorted requirements")
  void parsesRequirements(String selector, List<Requirement> expected) {
    var parsed = FieldSelector.parse(selector);

    assertThat(parsed.requirements()).isEqualTo(expected);
    assertThat(parsed.isEverything()).isEqualTo(expected.isEmpty());
    assertThat(FieldSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        arguments(named("double equals prints as equals", "a==b"), "a=b"),
        arguments(named("sorted terms", "b!=2,a=1"), "a=1,b!=2"),
        arguments(named("special characters re-escaped", "a=x\\,y\\=z\\\\"), "a=x\\,y\\=z\\\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalForms")
  @DisplayName("toString, parsed selector, prints canonical escaped form")
  void printsCanonicalForm(String selector, String canonical) {
    assertThat(FieldSelector.parse(selector)).hasToString(canonical);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments(named("no operator", "a"), "invalid selector: 'a'; can't understand 'a'"),
        arguments(
            named("second term without operator", "a=b,c"),
            "invalid selector: 'a=b,c'; can't understand 'c'"),
        arguments(
            named("terms checked in sorted order", "b,a"),
            "invalid selector: 'b,a'; can't understand 'a'"),
        arguments(
            named("bang without equals", "a!b"), "invalid selector: 'a!b'; can't understand 'a!b'"),
        arguments(
            named("unknown escape", "a=b\\x"),
            "invalid field selector: invalid escape sequence: \\x"),
        arguments(
            named("trailing backslash", "a=b\\"),
            "invalid field selector: invalid escape sequence: \\"),
        arguments(
            named("bare equals in value prints its code point", "a=b=c"),
            "invalid field selector: unescaped character in value: 61"),
        arguments(
            named("triple equals leaves one in the value", "a===b"),
            "invalid field selector: unescaped character in value: 61"),
        arguments(
            named("not-equals after equals belongs to the value", "a.b=c!=d"),
            "invalid field selector: unescaped character in value: 61"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  @DisplayName("parse, malformed selector, throws kube-apiserver's message")
  void rejectsMalformedSelector(String selector, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOf(SelectorException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> matches() {
    var pod = Map.of("metadata.name", "web-0", "status.phase", "Running", "spec.nodeName", "n1");
    return Stream.of(
        arguments(named("everything", ""), pod, true),
        arguments(named("name equal", "metadata.name=web-0"), pod, true),
        arguments(named("name differs", "metadata.name=web-1"), pod, false),
        arguments(named("absent field reads empty", "status.podIP="), pod, true),
        arguments(named("absent field differs from value", "status.podIP=10.0.0.1"), pod, false),
        arguments(named("not equal, absent field", "status.podIP!=10.0.0.1"), pod, true),
        arguments(named("not equal, same value", "status.phase!=Running"), pod, false),
        arguments(named("and, both hold", "spec.nodeName=n1,status.phase=Running"), pod, true),
        arguments(named("and, one fails", "spec.nodeName=n2,status.phase=Running"), pod, false));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("matches")
  @DisplayName("matches, selector and object fields, reports whether every term holds")
  void matchesFields(String selector, Map<String, String> fields, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(fields::get)).isEqualTo(expected);
  }

  static Stream<Arguments> exactValues() {
    return Stream.of(
        arguments(named("pinned by equals", "metadata.name=x"), "x"),
        arguments(named("pinned by double equals", "metadata.name==x,spec.nodeName=n"), "x"),
        arguments(named("not pinned by not-equals", "metadata.name!=x"), null),
        arguments(named("other field only", "spec.nodeName=n"), null),
        arguments(named("everything", ""), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactValues")
  @DisplayName("exactValue, metadata.name, returns the pinned name")
  void reportsExactValue(String selector, String expected) {
    assertThat(FieldSelector.parse(selector).exactValue("metadata.name").orElse(null))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("requireSupported, unsupported field, throws field label not supported")
  void rejectsUnsupportedField() {
    var selector = FieldSelector.parse("spec.x=1,metadata.name=a,b.y=2");

    assertThatThrownBy(() -> selector.requireSupported(Set.of("metadata.name")))
        .isInstanceOf(SelectorException.class)
        .hasMessage("field label not supported: b.y");
    assertThat(FieldSelector.parse("metadata.name=a").requireSupported(Set.of("metadata.name")))
        .hasToString("metadata.name=a");
  }

  @Test
  @DisplayName("transform, field alias and default conversion, renames or rejects")
  void transformsFieldLabels() {
    // Given: pods accept the old spec.host for spec.nodeName
    var selector = FieldSelector.parse("spec.host=n1");

    // When
    var converted =
        selector.transform(
            r ->
                r.field().equals("spec.host")
                    ? new Requirement("spec.nodeName", r.op(), r.value())
                    : r);

    // Then
    assertThat(converted).hasToString("spec.nodeName=n1");
    assertThatThrownBy(
            () ->
                selector.transform(
                    r -> {
                      throw SelectorException.unknownFieldSelector(r.field());
                    }))
        .hasMessage(
            "\"spec.host\" is not a known field selector: only \"metadata.name\","
                + " \"metadata.namespace\"");
    assertThat(selector.transform(r -> new Requirement("", r.op(), "")).isEverything()).isTrue();
  }

  @Test
  @DisplayName("escapeValue, special characters, round-trips through unescapeValue")
  void escapesValues() {
    var raw = "a,b=c\\d";

    assertThat(FieldSelector.escapeValue(raw)).isEqualTo("a\\,b\\=c\\\\d");
    assertThat(FieldSelector.unescapeValue(FieldSelector.escapeValue(raw))).isEqualTo(raw);
    assertThat(FieldSelector.oneTermEqual("metadata.name", raw).toString())
        .isEqualTo("metadata.name=a\\,b\\=c\\\\d");
    assertThatThrownBy(() -> FieldSelector.unescapeValue("a,b"))
        .hasMessage("invalid field selector: unescaped character in value: 44");
  }

  @Test
  @DisplayName("nameMismatch, single-object watch, has the list handler's text")
  void nameMismatchText() {
    assertThat(SelectorException.nameMismatch())
        .hasMessage("fieldSelector metadata.name doesn't match requested name");
    assertThat(FieldSelector.parse(null)).isEqualTo(FieldSelector.everything());
  }
}
