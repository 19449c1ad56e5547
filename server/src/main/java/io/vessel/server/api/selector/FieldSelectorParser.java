package io.vessel.server.api.selector;

import io.vessel.server.api.selector.FieldSelector.Op;
import io.vessel.server.api.selector.FieldSelector.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parser for the {@code fieldSelector} grammar: {@code term ("," term)*} where a term is {@code
 * field op value} and op is {@code !=}, {@code ==} or {@code =}.
 *
 * <p>Texts and order of checks follow apimachinery v0.33.0 {@code pkg/fields/selector.go}: terms
 * are split on unescaped commas, sorted, empty terms skipped; the first operator found (scanning
 * left to right, {@code !=} before {@code ==} before {@code =}) splits a term, the field part
 * admits no escaping, and the value is unescaped ({@code \\}, {@code \,}, {@code \=}).
 */
final class FieldSelectorParser {

  // Go sorts strings by UTF-8 bytes, which is code point order, not UTF-16 unit order.
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        var ia = a.codePoints().iterator();
        var ib = b.codePoints().iterator();
        while (ia.hasNext() && ib.hasNext()) {
          int diff = Integer.compare(ia.nextInt(), ib.nextInt());
          if (diff != 0) {
            return diff;
          }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
      };

  private FieldSelectorParser() {}

  /** The requirements in sorted-term order; terms with an empty field and value are dropped. */
  static List<Requirement> parse(String selector) {
    var terms = splitTerms(selector);
    terms.sort(CODE_POINT_ORDER);
    var requirements = new ArrayList<Requirement>();
    for (var term : terms) {
      if (term.isEmpty()) {
        continue;
      }
      var requirement = splitTerm(selector, term);
      // Upstream turns such a term into Everything when it builds the selector.
      if (!requirement.field().isEmpty() || !requirement.value().isEmpty()) {
        requirements.add(requirement);
      }
    }
    return requirements;
  }

  /**
   * Reverses {@link FieldSelector#escapeValue(String)}.
   *
   * @throws SelectorException {@code invalid field selector: invalid escape sequence: \x} for an
   *     unknown or trailing escape, or {@code invalid field selector: unescaped character in value:
   *     61} (the code point, as upstream prints a Go rune with {@code %v}) for a bare {@code ,} or
   *     {@code =}
   */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf(',') < 0 && value.indexOf('=') < 0) {
      return value;
    }
    var out = new StringBuilder(value.length());
    var escaping = false;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (escaping) {
        if (cp != '\\' && cp != ',' && cp != '=') {
          throw new SelectorException(
              "invalid field selector: invalid escape sequence: \\" + Character.toString(cp));
        }
        out.appendCodePoint(cp);
        escaping = false;
      } else if (cp == '\\') {
        escaping = true;
      } else if (cp == ',' || cp == '=') {
        throw new SelectorException("invalid field selector: unescaped character in value: " + cp);
      } else {
        out.appendCodePoint(cp);
      }
    }
    if (escaping) {
      throw new SelectorException("invalid field selector: invalid escape sequence: \\");
    }
    return out.toString();
  }

  // Backslash-escaped commas stay inside their term, backslash included.
  private static List<String> splitTerms(String selector) {
    var terms = new ArrayList<String>();
    if (selector.isEmpty()) {
      return terms;
    }
    int start = 0;
    var escaping = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (escaping) {
        escaping = false;
      } else if (c == '\\') {
        escaping = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  private static Requirement splitTerm(String selector, String term) {
    for (int i = 0; i < term.length(); i++) {
      if (term.startsWith("!=", i)) {
        return requirement(term, i, 2, Op.NOT_EQUALS);
      }
      if (term.startsWith("==", i)) {
        return requirement(term, i, 2, Op.EQUALS);
      }
      if (term.charAt(i) == '=') {
        return requirement(term, i, 1, Op.EQUALS);
      }
    }
    throw new SelectorException(
        "invalid selector: '" + selector + "'; can't understand '" + term + "'");
  }

  private static Requirement requirement(String term, int at, int opLength, Op op) {
    var value = unescape(term.substring(at + opLength));
    return new Requirement(term.substring(0, at), op, value);
  }
}
