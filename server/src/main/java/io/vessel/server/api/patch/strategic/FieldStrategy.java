package io.vessel.server.api.patch.strategic;

import java.util.List;
import java.util.Objects;

/**
 * How strategic merge patch treats one field: the values of its upstream {@code patchStrategy}
 * struct tag and its {@code patchMergeKey}.
 *
 * <p>These are also the values of the OpenAPI extensions {@code x-kubernetes-patch-strategy}
 * ({@code String.join(",", strategies())}) and {@code x-kubernetes-patch-merge-key} ({@link
 * #mergeKey()}, omitted when empty).
 *
 * @param strategies in tag order, one or two of {@code merge}, {@code retainKeys} and {@code
 *     replace}: for example {@code [merge]}, {@code [retainKeys]}, {@code [merge, retainKeys]}
 * @param mergeKey the JSON field that identifies an element of a merged list of objects; empty for
 *     lists of scalars and for fields that are not lists
 */
public record FieldStrategy(List<String> strategies, String mergeKey) {

  public static final String MERGE = "merge";
  public static final String RETAIN_KEYS = "retainKeys";
  public static final String REPLACE = "replace";

  public FieldStrategy {
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(mergeKey, "mergeKey");
    if (strategies.isEmpty() || strategies.size() > 2) {
      throw new IllegalArgumentException("one or two strategies expected: " + strategies);
    }
    for (var s : strategies) {
      if (!s.equals(MERGE) && !s.equals(RETAIN_KEYS) && !s.equals(REPLACE)) {
        throw new IllegalArgumentException("unknown patch strategy: " + s);
      }
    }
  }

  /** Parses a tag value such as {@code merge,retainKeys}. */
  static FieldStrategy parse(String tag, String mergeKey) {
    return new FieldStrategy(List.of(tag.split(",")), mergeKey);
  }

  /** Whether a list under this field merges element-wise instead of being replaced. */
  public boolean merges() {
    return strategies.contains(MERGE);
  }

  /** Whether an object under this field is replaced whole instead of merged. */
  public boolean replaces() {
    return strategies.contains(REPLACE);
  }

  /** Whether clients may send {@code $retainKeys} for this field. */
  public boolean retainsKeys() {
    return strategies.contains(RETAIN_KEYS);
  }

  /** The {@code x-kubernetes-patch-strategy} value, for example {@code merge,retainKeys}. */
  public String tag() {
    return String.join(",", strategies);
  }
}
