package io.vessel.server.api.selector;

import io.vessel.server.api.selector.LabelSelector.Operator;
import io.vessel.server.api.selector.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tokenizer and recursive-descent parser for the {@code labelSelector} grammar.
 *
 * <pre>
 * selector    ::= requirement | requirement "," selector
 * requirement ::= ["!"] KEY [ set-op "(" values ")" | exact-op [VALUE] ]
 * set-op      ::= "in" | "notin"
 * exact-op    ::= "=" | "==" | "!=" | ">" | "<"
 * values      ::= [VALUE] | [VALUE] "," values
 * </pre>
 *
 * <p>Whitespace ({@code ' '}, tab, CR, LF) separates tokens and is otherwise ignored. The keywords
 * {@code in} and {@code notin} are ordinary identifiers wherever a key or value is expected. Errors
 * carry kube-apiserver's exact texts (apimachinery v0.33.0 {@code pkg/labels/selector.go}); errors
 * inside a requirement are prefixed with {@code unable to parse requirement: }. Empty values inside
 * parentheses follow the 1.35 fix for consecutive commas ({@code x in (a,,)} is accepted), which
 * 1.33 rejected.
 */
final class LabelSelectorParser {

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Token> tokens;
  private int position;

  private LabelSelectorParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The requirements in written order; an empty list for a blank selector. */
  static List<Requirement> parse(String selector) {
    return new LabelSelectorParser(tokenize(selector)).selector();
  }

  private List<Requirement> selector() {
    var requirements = new ArrayList<Requirement>();
    while (true) {
      var next = peek();
      if (next.kind == Kind.END) {
        return requirements;
      }
      if (next.kind != Kind.IDENTIFIER && next.kind != Kind.NOT) {
        throw error("found '%s', expected: !, identifier, or 'end of string'", next.text);
      }
      requirements.add(requirementOrWrappedError());
      var separator = take();
      if (separator.kind == Kind.END) {
        return requirements;
      }
      if (separator.kind != Kind.COMMA) {
        throw error("found '%s', expected: ',' or 'end of string'", separator.text);
      }
      var afterComma = peek();
      if (afterComma.kind != Kind.IDENTIFIER && afterComma.kind != Kind.NOT) {
        throw error("found '%s', expected: identifier after ','", afterComma.text);
      }
    }
  }

  private Requirement requirementOrWrappedError() {
    try {
      return requirement();
    } catch (SelectorException e) {
      throw new SelectorException("unable to parse requirement: " + e.getMessage());
    }
  }

  private Requirement requirement() {
    var first = take();
    var negated = first.kind == Kind.NOT;
    var keyToken = negated ? take() : first;
    if (keyToken.kind != Kind.IDENTIFIER) {
      throw error("found '%s', expected: identifier", keyToken.text);
    }
    var key = keyToken.text;
    var keyError = LabelSyntax.keyError(key);
    if (keyError != null) {
      throw new SelectorException(keyError);
    }
    // "!k" is complete whatever follows; the caller then rejects anything but ',' or the end.
    if (negated) {
      return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
    }
    var next = peek().kind;
    if (next == Kind.END || next == Kind.COMMA) {
      return new Requirement(key, Operator.EXISTS, List.of());
    }
    var operator = operator();
    var values =
        operator == Operator.IN || operator == Operator.NOT_IN ? setValues() : exactValue();
    return new Requirement(key, operator, values);
  }

  private Operator operator() {
    // Here, and only here, "in" and "notin" are keywords rather than identifiers.
    var token = tokens.get(position++);
    return switch (token.kind) {
      case IN -> Operator.IN;
      case NOT_IN -> Operator.NOT_IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case GREATER -> Operator.GREATER_THAN;
      case LESS -> Operator.LESS_THAN;
      default -> throw error("found '%s', expected: %s", token.text, BINARY_OPERATORS);
    };
  }

  private List<String> exactValue() {
    var next = peek().kind;
    if (next == Kind.END || next == Kind.COMMA) {
      return List.of("");
    }
    var token = take();
    if (token.kind != Kind.IDENTIFIER) {
      throw error("found '%s', expected: identifier", token.text);
    }
    return List.of(token.text);
  }

  private List<String> setValues() {
    var open = take();
    if (open.kind != Kind.OPEN_PAREN) {
      throw error("found '%s' expected: '('", open.text);
    }
    var next = peek();
    switch (next.kind) {
      case CLOSE_PAREN -> {
        take();
        return List.of("");
      }
      case IDENTIFIER, COMMA -> {
        var values = valueList();
        take(); // the ')' valueList stopped at
        return values;
      }
      default -> throw error("found '%s', expected: ',', ')' or identifier", next.text);
    }
  }

  // Values come back sorted and de-duplicated, as upstream's string set yields them; an empty
  // slot next to a comma (leading, trailing or doubled) stands for the empty value.
  private List<String> valueList() {
    var values = new TreeSet<String>();
    while (true) {
      var token = take();
      if (token.kind == Kind.IDENTIFIER) {
        values.add(token.text);
        var next = peek();
        if (next.kind == Kind.CLOSE_PAREN) {
          return List.copyOf(values);
        }
        if (next.kind != Kind.COMMA) {
          throw error("found '%s', expected: ',' or ')'", next.text);
        }
      } else if (token.kind == Kind.COMMA) {
        if (values.isEmpty()) {
          values.add("");
        }
        var next = peek().kind;
        if (next == Kind.CLOSE_PAREN) {
          values.add("");
          return List.copyOf(values);
        }
        if (next == Kind.COMMA) {
          values.add("");
        }
      } else {
        throw error("found '%s', expected: ',', or identifier", token.text);
      }
    }
  }

  /** The next token with keywords read as identifiers, as everywhere but operator position. */
  private Token peek() {
    return tokens.get(position).asValue();
  }

  private Token take() {
    return tokens.get(position++).asValue();
  }

  private static SelectorException error(String format, Object... args) {
    return new SelectorException(String.format(format, args));
  }

  // ---- tokenizer ----

  private static List<Token> tokenize(String s) {
    var tokens = new ArrayList<Token>();
    var i = 0;
    while (true) {
      while (i < s.length() && isWhitespace(s.charAt(i))) {
        i++;
      }
      // Upstream's reader returns NUL at the end of input, so a NUL where a token would start
      // ends the selector, and a NUL right after a token is swallowed as a separator.
      if (i >= s.length() || s.charAt(i) == '\0') {
        tokens.add(new Token(Kind.END, ""));
        return tokens;
      }
      var c = s.charAt(i);
      int end;
      if (isSpecial(c)) {
        var twoChar = (c == '!' || c == '=') && i + 1 < s.length() && s.charAt(i + 1) == '=';
        end = i + (twoChar ? 2 : 1);
        tokens.add(Token.special(s.substring(i, end)));
      } else {
        end = i;
        while (end < s.length()
            && !isSpecial(s.charAt(end))
            && !isWhitespace(s.charAt(end))
            && s.charAt(end) != '\0') {
          end++;
        }
        tokens.add(Token.word(s.substring(i, end)));
      }
      i = end < s.length() && s.charAt(end) == '\0' ? end + 1 : end;
    }
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return switch (c) {
      case '=', '!', '(', ')', ',', '>', '<' -> true;
      default -> false;
    };
  }

  private enum Kind {
    END,
    IDENTIFIER,
    IN,
    NOT_IN,
    NOT,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    GREATER,
    LESS,
    OPEN_PAREN,
    CLOSE_PAREN,
    COMMA
  }

  private record Token(Kind kind, String text) {

    static Token word(String text) {
      return switch (text) {
        case "in" -> new Token(Kind.IN, text);
        case "notin" -> new Token(Kind.NOT_IN, text);
        default -> new Token(Kind.IDENTIFIER, text);
      };
    }

    static Token special(String text) {
      var kind =
          switch (text) {
            case "!" -> Kind.NOT;
            case "=" -> Kind.EQUALS;
            case "==" -> Kind.DOUBLE_EQUALS;
            case "!=" -> Kind.NOT_EQUALS;
            case ">" -> Kind.GREATER;
            case "<" -> Kind.LESS;
            case "(" -> Kind.OPEN_PAREN;
            case ")" -> Kind.CLOSE_PAREN;
            case "," -> Kind.COMMA;
            default -> throw new IllegalArgumentException(text);
          };
      return new Token(kind, text);
    }

    Token asValue() {
      return kind == Kind.IN || kind == Kind.NOT_IN ? new Token(Kind.IDENTIFIER, text) : this;
    }
  }
}
