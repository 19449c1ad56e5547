package io.vessel.server.api.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An immutable Kubernetes label selector: the AND of its {@link Requirement}s.
 *
 * <p>Two ways in:
 *
 * <ul>
 *   <li>{@link #parse(String)} reads the {@code labelSelector} query-parameter grammar of
 *       apimachinery {@code labels.Parse}: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in
 *       (a,b)}, {@code k notin (a,b)}, {@code k} (exists), {@code !k} (does not exist), {@code k>n}
 *       and {@code k<n} (integer comparison), joined by {@code ,} (AND). The empty string selects
 *       everything.
 *   <li>{@link #of(io.fabric8.kubernetes.api.model.LabelSelector)} converts the API type ({@code
 *       matchLabels} + {@code matchExpressions}) as {@code metav1.LabelSelectorAsSelector} does.
 * </ul>
 *
 * <p>Requirements are kept sorted by key (stable), which makes {@link #toString()} the canonical
 * form kube-apiserver prints. Instances are immutable and safe to share between threads.
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);
  private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /** The selector that matches every label set, as the empty string parses to. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** The selector that matches no label set, as a null API selector converts to. */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses the {@code labelSelector} grammar. A null or blank input selects everything.
   *
   * @throws SelectorException with kube-apiserver's exact 400 message when the text is invalid, for
   *     example {@code unable to parse requirement: found '', expected: identifier}
   */
  public static LabelSelector parse(String selector) {
    if (selector == null) {
      return EVERYTHING;
    }
    var parsed = LabelSelectorParser.parse(selector);
    return parsed.isEmpty() ? EVERYTHING : new LabelSelector(sorted(parsed), false);
  }

  /**
   * Converts the API type with the semantics apps/v1 controllers rely on ({@code
   * metav1.LabelSelectorAsSelector}):
   *
   * <ul>
   *   <li>a null selector matches <b>nothing</b> (a workload without a selector owns no pods);
   *   <li>a selector with no {@code matchLabels} and no {@code matchExpressions} matches
   *       <b>everything</b>;
   *   <li>otherwise {@code matchLabels} entries become {@code key=value} and {@code
   *       matchExpressions} use {@code In}, {@code NotIn}, {@code Exists} and {@code DoesNotExist},
   *       all ANDed.
   * </ul>
   *
   * @throws SelectorException for an unknown operator ({@code "Foo" is not a valid label selector
   *     operator}) or a requirement that breaks the key, value or value-count rules, with
   *     upstream's {@code NewRequirement} text
   */
  public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    var matchLabels =
        selector.getMatchLabels() == null ? Map.<String, String>of() : selector.getMatchLabels();
    var expressions =
        selector.getMatchExpressions() == null
            ? List.<LabelSelectorRequirement>of()
            : selector.getMatchExpressions();
    if (matchLabels.isEmpty() && expressions.isEmpty()) {
      return EVERYTHING;
    }
    var result = new ArrayList<Requirement>();
    // Upstream walks a Go map (random order); sorting makes the first reported error stable.
    for (var label : new TreeMap<>(matchLabels).entrySet()) {
      var value = label.getValue() == null ? "" : label.getValue();
      result.add(new Requirement(label.getKey(), Operator.EQUALS, List.of(value)));
    }
    for (var expression : expressions) {
      var key = expression.getKey() == null ? "" : expression.getKey();
      var values = new ArrayList<String>();
      if (expression.getValues() != null) {
        expression.getValues().forEach(v -> values.add(v == null ? "" : v));
      }
      var operator = Operator.fromApi(expression.getOperator());
      result.add(new Requirement(key, operator, values));
    }
    return new LabelSelector(sorted(result), false);
  }

  /** Whether every requirement holds for {@code labels}; a null map counts as no labels. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    var actual = labels == null ? Map.<String, String>of() : labels;
    for (var requirement : requirements) {
      if (!requirement.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  /** True when this selector does not restrict anything (and is not {@link #nothing()}). */
  public boolean isEverything() {
    return !nothing && requirements.isEmpty();
  }

  /** True for {@link #nothing()}, the selector that matches no object. */
  public boolean isNothing() {
    return nothing;
  }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * The single value this selector demands for {@code key} ({@code key=v}, {@code key==v} or {@code
   * key in (v)}), if the first requirement on that key is such an exact match.
   */
  public Optional<String> exactValue(String key) {
    for (var requirement : requirements) {
      if (requirement.key().equals(key)) {
        var exact =
            switch (requirement.operator()) {
              case EQUALS, DOUBLE_EQUALS, IN -> requirement.values().size() == 1;
              default -> false;
            };
        return exact ? Optional.of(requirement.values().get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The canonical text kube-apiserver prints: requirements by key, joined by commas. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other
        && nothing == other.nothing
        && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirements, nothing);
  }

  private static List<Requirement> sorted(List<Requirement> requirements) {
    var copy = new ArrayList<>(requirements);
    copy.sort(BY_KEY); // List.sort is stable: equal keys keep their written order.
    return List.copyOf(copy);
  }

  /** A label selector operator, with its query-grammar symbol. */
  public enum Operator {
    EXISTS(""),
    DOES_NOT_EXIST("!"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN(" in "),
    NOT_IN(" notin "),
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    static Operator fromApi(String apiOperator) {
      var name = apiOperator == null ? "" : apiOperator;
      return switch (name) {
        case "In" -> IN;
        case "NotIn" -> NOT_IN;
        case "Exists" -> EXISTS;
        case "DoesNotExist" -> DOES_NOT_EXIST;
        default ->
            throw new SelectorException(
                GoFormat.quote(name) + " is not a valid label selector operator");
      };
    }
  }

  /**
   * One requirement: {@code key}, an operator, and its values.
   *
   * <p>Construction enforces {@code labels.NewRequirement}'s rules: a qualified-name key, one value
   * for {@code =}/{@code ==}/{@code !=}, at least one for {@code in}/{@code notin}, none for
   * exists/does-not-exist, one integer for {@code >}/{@code <}, and valid label values. The values
   * of {@code in}/{@code notin} are then kept sorted and distinct, so that equal sets make equal
   * requirements and print as upstream prints them.
   *
   * @throws SelectorException with upstream's aggregated field-error text when a rule is broken
   */
  public record Requirement(String key, Operator operator, List<String> values) {

    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      // Validate in the given order first: upstream error texts index the values as given.
      LabelSyntax.checkRequirement(key, operator, values);
      if (operator == Operator.IN || operator == Operator.NOT_IN) {
        values = values.stream().sorted().distinct().toList();
      }
    }

    /** Whether the requirement holds for {@code labels} (never null). */
    public boolean matches(Map<String, String> labels) {
      var present = labels.containsKey(key);
      var actual = labels.get(key);
      return switch (operator) {
        case EXISTS -> present;
        case DOES_NOT_EXIST -> !present;
        case EQUALS, DOUBLE_EQUALS, IN -> present && values.contains(actual);
        case NOT_EQUALS, NOT_IN -> !present || !values.contains(actual);
        case GREATER_THAN, LESS_THAN -> present && compares(actual);
      };
    }

    private boolean compares(String actual) {
      var left = actual == null ? null : LabelSyntax.parseInt64(actual);
      var right = LabelSyntax.parseInt64(values.get(0));
      if (left == null || right == null) {
        return false; // a non-integer label value never satisfies gt/lt
      }
      return operator == Operator.GREATER_THAN ? left > right : left < right;
    }

    /** The grammar form, e.g. {@code !k}, {@code k!=v} or {@code k in (a,b)}. */
    @Override
    public String toString() {
      var out = new StringBuilder();
      if (operator == Operator.DOES_NOT_EXIST) {
        return out.append('!').append(key).toString();
      }
      out.append(key);
      if (operator == Operator.EXISTS) {
        return out.toString();
      }
      out.append(operator.symbol);
      var set = operator == Operator.IN || operator == Operator.NOT_IN;
      if (set) {
        out.append('(');
      }
      out.append(String.join(",", values));
      if (set) {
        out.append(')');
      }
      return out.toString();
    }
  }
}
