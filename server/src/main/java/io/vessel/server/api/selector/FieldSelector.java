package io.vessel.server.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An immutable Kubernetes field selector: the AND of {@code field=value} and {@code field!=value}
 * requirements.
 *
 * <p>{@link #parse(String)} reads the {@code fieldSelector} query-parameter grammar of apimachinery
 * {@code fields.ParseSelector}: terms joined by {@code ,}, each {@code f=v}, {@code f==v} (the same
 * as {@code =}) or {@code f!=v}; in values, {@code \,}, {@code \=} and {@code \\} stand for the
 * literal characters. A field that an object does not have reads as the empty string, so {@code
 * status.podIP=} matches pods without an IP.
 *
 * <p>Parsing does not know which fields a kind supports; kube-apiserver checks that afterwards with
 * a per-kind field-label conversion. Use {@link #requireSupported(Set)} or {@link
 * #transform(UnaryOperator)} for that step. Instances are immutable and thread-safe.
 */
public final class FieldSelector {

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Requirement> requirements;

  private FieldSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** The selector that matches every object. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /** A selector with the single requirement {@code field=value}, e.g. {@code metadata.name=x}. */
  public static FieldSelector oneTermEqual(String field, String value) {
    return new FieldSelector(List.of(new Requirement(field, Op.EQUALS, value)));
  }

  /**
   * Parses the {@code fieldSelector} grammar. Null or empty selects everything. Terms come back in
   * sorted order, as upstream sorts them; a term with an empty field and an empty value (such as
   * {@code =}) is dropped, as upstream does.
   *
   * @throws SelectorException with kube-apiserver's exact 400 message, e.g. {@code invalid
   *     selector: 'a'; can't understand 'a'}
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isEmpty()) {
      return EVERYTHING;
    }
    var requirements = FieldSelectorParser.parse(selector);
    return requirements.isEmpty() ? EVERYTHING : new FieldSelector(requirements);
  }

  /** Escapes {@code \}, {@code ,} and {@code =} so that any string can be a selector value. */
  public static String escapeValue(String value) {
    var out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Reverses {@link #escapeValue(String)}.
   *
   * @throws SelectorException for an unknown escape or a bare {@code ,} or {@code =}, with
   *     upstream's texts
   */
  public static String unescapeValue(String value) {
    return FieldSelectorParser.unescape(value);
  }

  /**
   * Whether every requirement holds. {@code fieldValue} returns an object's value for a field name;
   * null (the object has no such field) counts as the empty string.
   */
  public boolean matches(Function<String, String> fieldValue) {
    for (var requirement : requirements) {
      if (!requirement.matches(fieldValue)) {
        return false;
      }
    }
    return true;
  }

  /** True when the selector does not restrict anything. */
  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** The requirements, in the sorted order of their terms. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * The value an object must have in {@code field}, when some {@code field=value} requirement pins
   * it; e.g. {@code metadata.name} for kubectl's single-object watch, or {@code spec.nodeName} for
   * the kubelet's pod watch.
   */
  public Optional<String> exactValue(String field) {
    return requirements.stream()
        .filter(r -> r.op() == Op.EQUALS && r.field().equals(field))
        .map(Requirement::value)
        .findFirst();
  }

  /**
   * Rewrites every requirement, as kube-apiserver's field-label conversion does: {@code fn} may
   * rename a field (pods accept {@code spec.host} for {@code spec.nodeName}), or throw a {@link
   * SelectorException} to reject it. A requirement rewritten to an empty field and value is
   * dropped.
   */
  public FieldSelector transform(UnaryOperator<Requirement> fn) {
    var next = new ArrayList<Requirement>(requirements.size());
    for (var requirement : requirements) {
      var converted = Objects.requireNonNull(fn.apply(requirement), "transformed requirement");
      if (!converted.field().isEmpty() || !converted.value().isEmpty()) {
        next.add(converted);
      }
    }
    return next.isEmpty() ? EVERYTHING : new FieldSelector(next);
  }

  /**
   * Rejects a requirement on a field outside {@code supported}, in term order, with {@code field
   * label not supported: <field>} (the text of kinds with a registered conversion). For kinds that
   * only know {@code metadata.name} and {@code metadata.namespace}, kube-apiserver words it
   * differently: use {@link #transform(UnaryOperator)} with {@link
   * SelectorException#unknownFieldSelector(String)}.
   *
   * @return this selector, for chaining
   */
  public FieldSelector requireSupported(Set<String> supported) {
    for (var requirement : requirements) {
      if (!supported.contains(requirement.field())) {
        throw SelectorException.fieldLabelNotSupported(requirement.field());
      }
    }
    return this;
  }

  /** The canonical text: terms joined by commas, {@code ==} written as {@code =}. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  /** A field selector operator; {@code ==} parses to {@link #EQUALS}. */
  public enum Op {
    EQUALS("="),
    NOT_EQUALS("!=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in the grammar. */
    public String symbol() {
      return symbol;
    }
  }

  /** One term: the field (e.g. {@code spec.nodeName}), the operator, and the unescaped value. */
  public record Requirement(String field, Op op, String value) {

    public Requirement {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }

    /** Whether the requirement holds; a null field value counts as the empty string. */
    public boolean matches(Function<String, String> fieldValue) {
      var actual = Objects.requireNonNullElse(fieldValue.apply(field), "");
      return (op == Op.EQUALS) == actual.equals(value);
    }

    /** The term as written, with the value escaped. */
    @Override
    public String toString() {
      return field + op.symbol + escapeValue(value);
    }
  }
}
