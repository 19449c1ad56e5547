package io.vessel.server.api.selector;

import java.util.List;

/**
 * Renders values the way Go's {@code fmt} verbs do inside kube-apiserver error texts, so that
 * selector messages match upstream byte for byte: {@code %q} of a string and {@code %#v} of a
 * {@code []string}.
 */
final class GoFormat {

  private GoFormat() {}

  /** Go's {@code strconv.Quote}: double-quoted, with Go escapes for unprintable code points. */
  static String quote(String s) {
    var out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendQuoted(out, cp));
    return out.append('"').toString();
  }

  /** Go's {@code %#v} of a {@code []string}; an empty slice prints as the nil slice. */
  static String stringSlice(List<String> values) {
    // Upstream copies values with append([]string(nil), ...), so an empty list is always nil.
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    var out = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(quote(values.get(i)));
    }
    return out.append('}').toString();
  }

  private static void appendQuoted(StringBuilder out, int cp) {
    switch (cp) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> appendOther(out, cp);
    }
  }

  private static void appendOther(StringBuilder out, int cp) {
    if (cp < 0x20 || cp == 0x7f) {
      out.append(String.format("\\x%02x", cp));
    } else if (isPrintable(cp)) {
      out.appendCodePoint(cp);
    } else if (cp < 0x10000) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
