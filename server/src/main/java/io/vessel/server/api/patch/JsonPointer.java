package io.vessel.server.api.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer split into unescaped reference tokens.
 *
 * <p>{@code ""} is the whole document; otherwise the pointer must start with {@code /}. In each
 * token {@code ~1} reads as {@code /} and {@code ~0} as {@code ~}, in one left-to-right pass so
 * that {@code ~01} is {@code ~1}. Like kube-apiserver's library, any other {@code ~} sequence is
 * kept literally rather than rejected.
 *
 * @param text the pointer as written, for messages
 * @param tokens the unescaped tokens; empty for the whole document
 */
record JsonPointer(String text, List<String> tokens) {

  JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses {@code text}, or returns null when it is not a pointer (no leading {@code /}).
   * kube-apiserver's library silently drops the first segment of such a path; Vessel refuses it.
   */
  static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return new JsonPointer(text, List.of());
    }
    if (text.charAt(0) != '/') {
      return null;
    }
    var tokens = new ArrayList<String>();
    for (var raw : text.substring(1).split("/", -1)) {
      tokens.add(unescape(raw));
    }
    return new JsonPointer(text, tokens);
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The pointer to the parent container; only for non-root pointers. */
  List<String> parentTokens() {
    return tokens.subList(0, tokens.size() - 1);
  }

  /** The last token: the member name or array index within the parent. */
  String lastToken() {
    return tokens.get(tokens.size() - 1);
  }

  /** Whether this pointer lies strictly inside {@code other}, e.g. {@code /a/b} in {@code /a}. */
  boolean isProperChildOf(JsonPointer other) {
    return tokens.size() > other.tokens.size()
        && tokens.subList(0, other.tokens.size()).equals(other.tokens);
  }

  private static String unescape(String token) {
    if (token.indexOf('~') < 0) {
      return token;
    }
    var out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~' && i + 1 < token.length() && token.charAt(i + 1) == '1') {
        out.append('/');
        i++;
      } else if (c == '~' && i + 1 < token.length() && token.charAt(i + 1) == '0') {
        out.append('~');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
