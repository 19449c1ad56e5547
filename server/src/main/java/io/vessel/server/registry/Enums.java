package io.vessel.server.registry;

import java.util.Collection;

/** Membership tests for enum-like string fields, where an absent value is simply not a member. */
public final class Enums {
  private Enums() {}

  /** {@code values.contains(value)}, but false for null (immutable collections throw on null). */
  public static boolean contains(Collection<String> values, String value) {
    return value != null && values.contains(value);
  }
}
