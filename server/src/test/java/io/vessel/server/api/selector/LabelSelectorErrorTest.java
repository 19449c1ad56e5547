package io.vessel.server.api.selector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected texts are written out by hand from apimachinery v0.33.0 {@code pkg/labels/selector.go}
 * and {@code pkg/util/validation/validation.go}, including upstream's double spaces.
 */
class LabelSelectorErrorTest {

  static final String WRAP = "unable to parse requirement: ";
  static final String OPERATORS = "in, notin, =, ==, !=, gt, lt";
  static final String NAME_RULE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
          + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String VALUE_RULE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  static final String SUBDOMAIN_RULE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String NOT_INTEGER = "for 'Gt', 'Lt' operators, the value must be an integer";

  static Stream<Arguments> grammarErrors() {
    return Stream.of(
        arguments(
            named("leading comma", ","), "found ',', expected: !, identifier, or 'end of string'"),
        arguments(
            named("leading operator", "=a"),
            "found '=', expected: !, identifier, or 'end of string'"),
        arguments(
            named("leading parenthesis", "(x)"),
            "found '(', expected: !, identifier, or 'end of string'"),
        arguments(named("trailing comma", "x,"), "found '', expected: identifier after ','"),
        arguments(named("double comma", "x,,y"), "found ',', expected: identifier after ','"),
        arguments(named("bang alone", "!"), WRAP + "found '', expected: identifier"),
        arguments(named("double bang", "!!x"), WRAP + "found '!', expected: identifier"),
        arguments(named("two identifiers", "x y"), WRAP + "found 'y', expected: " + OPERATORS),
        arguments(named("bang as operator", "x!y"), WRAP + "found '!', expected: " + OPERATORS),
        arguments(named("in without parenthesis at end", "x in"), WRAP + "found '' expected: '('"),
        arguments(named("in followed by identifier", "x in a"), WRAP + "found 'a' expected: '('"),
        arguments(
            named("unclosed empty list", "x in ("),
            WRAP + "found '', expected: ',', ')' or identifier"),
        arguments(
            named("operator opening the list", "x in (=)"),
            WRAP + "found '=', expected: ',', ')' or identifier"),
        arguments(named("unclosed list", "x in (a"), WRAP + "found '', expected: ',' or ')'"),
        arguments(
            named("values without comma", "x in (a b)"), WRAP + "found 'b', expected: ',' or ')'"),
        arguments(
            named("operator after comma in list", "x in (a,=)"),
            WRAP + "found '=', expected: ',', or identifier"),
        arguments(
            named("parenthesis as exact value", "x=("), WRAP + "found '(', expected: identifier"),
        arguments(named("triple equals", "x===a"), WRAP + "found '=', expected: identifier"),
        arguments(
            named("greater-equals is two operators", "x>=1"),
            WRAP + "found '=', expected: identifier"),
        arguments(
            named("two exact values", "x=a b"), "found 'b', expected: ',' or 'end of string'"),
        arguments(
            named("junk after set", "x in (a) y"), "found 'y', expected: ',' or 'end of string'"),
        arguments(
            named("operator after does-not-exist", "!x=a"),
            "found '=', expected: ',' or 'end of string'"),
        arguments(
            named("NUL splits an identifier", "x=a\u0000b"),
            "found 'b', expected: ',' or 'end of string'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grammarErrors")
  @DisplayName("parse, malformed selector, throws kube-apiserver's message")
  void rejectsMalformedSelector(String selector, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(SelectorException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> keyErrors() {
    return Stream.of(
        arguments(
            named("trailing underscore", "Key_=a"),
            "<nil>: Invalid value: \"Key_\": name part " + NAME_RULE),
        arguments(
            named("two slashes", "a/b/c"),
            "<nil>: Invalid value: \"a/b/c\": a qualified name "
                + NAME_RULE
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        arguments(
            named("empty prefix", "/a"),
            "<nil>: Invalid value: \"/a\": prefix part must be non-empty"),
        arguments(
            named("empty name", "a/"),
            "<nil>: Invalid value: \"a/\": name part must be non-empty; name part " + NAME_RULE),
        arguments(
            named("upper-case prefix", "Example.com/a=b"),
            "<nil>: Invalid value: \"Example.com/a\": prefix part " + SUBDOMAIN_RULE),
        arguments(
            named("64-character name", "n".repeat(64)),
            "<nil>: Invalid value: \""
                + "n".repeat(64)
                + "\": name part must be no more than 63 characters"),
        arguments(
            named("254-character prefix", "p".repeat(254) + "/n"),
            "<nil>: Invalid value: \""
                + "p".repeat(254)
                + "/n\": prefix part must be no more than 253 characters"),
        arguments(
            named("bad key after bang", "!x_"),
            "<nil>: Invalid value: \"x_\": name part " + NAME_RULE),
        arguments(
            named("non-ASCII key, length in bytes", "é".repeat(32)),
            "<nil>: Invalid value: \""
                + "é".repeat(32)
                + "\": name part must be no more than 63 characters; name part "
                + NAME_RULE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyErrors")
  @DisplayName("parse, invalid key, throws field error on the nil path")
  void rejectsInvalidKey(String selector, String fieldError) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(SelectorException.class)
        .hasMessage(WRAP + fieldError);
  }

  static Stream<Arguments> valueErrors() {
    var tooLong = "v".repeat(64);
    return Stream.of(
        arguments(
            named("trailing underscore", "x=a_"),
            "values[0][x]: Invalid value: \"a_\": " + VALUE_RULE),
        arguments(
            named("64-character value", "x=" + tooLong),
            "values[0][x]: Invalid value: \"" + tooLong + "\": must be no more than 63 characters"),
        arguments(
            named("long and malformed", "x=-" + tooLong),
            "values[0][x]: Invalid value: \"-"
                + tooLong
                + "\": must be no more than 63 characters; "
                + VALUE_RULE),
        arguments(
            named("negative number is not a label value", "x>-1"),
            "values[0][x]: Invalid value: \"-1\": " + VALUE_RULE),
        arguments(
            named("printable unicode kept by %q", "x=é"),
            "values[0][x]: Invalid value: \"é\": " + VALUE_RULE),
        arguments(
            named("gt needs an integer", "x>a"), "values[0]: Invalid value: \"a\": " + NOT_INTEGER),
        arguments(
            named("gt with empty value", "x>"), "values[0]: Invalid value: \"\": " + NOT_INTEGER),
        arguments(
            named("lt with decimal", "x<1.5"), "values[0]: Invalid value: \"1.5\": " + NOT_INTEGER),
        arguments(
            named("gt beyond int64", "x>9223372036854775808"),
            "values[0]: Invalid value: \"9223372036854775808\": " + NOT_INTEGER),
        arguments(
            named("two errors aggregate in brackets", "x>a_"),
            "[values[0]: Invalid value: \"a_\": "
                + NOT_INTEGER
                + ", values[0][x]: Invalid value: \"a_\": "
                + VALUE_RULE
                + "]"),
        arguments(
            named("indices follow sorted values", "x in (b_,a_)"),
            "[values[0][x]: Invalid value: \"a_\": "
                + VALUE_RULE
                + ", values[1][x]: Invalid value: \"b_\": "
                + VALUE_RULE
                + "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueErrors")
  @DisplayName("parse, invalid value, throws NewRequirement's field errors")
  void rejectsInvalidValue(String selector, String fieldErrors) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(SelectorException.class)
        .hasMessage(WRAP + fieldErrors);
  }
}
