package io.vessel.server.registry.core.service;

import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Picks a value not in a taken set from an inclusive range. */
final class FreeValues {
  private FreeValues() {}

  /**
   * A random start, then the next free value, wrapping around: random so that replicas choosing
   * at the same moment rarely pick the same value (a collision costs a retry, not correctness);
   * the scan makes a nearly full range still succeed. Empty when every value is taken.
   */
  static OptionalLong pick(long first, long last, Set<Long> taken, RandomGenerator random) {
    long size = last - first + 1;
    if (size <= 0) {
      return OptionalLong.empty();
    }
    long start = random.nextLong(size);
    for (long i = 0; i < size; i++) {
      long v = first + (start + i) % size;
      if (!taken.contains(v)) {
        return OptionalLong.of(v);
      }
    }
    return OptionalLong.empty();
  }
}
