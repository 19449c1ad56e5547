package io.vessel.server.controller.job;

import java.util.BitSet;

/**
 * {@code status.completedIndexes} of an Indexed Job: the succeeded indexes as ascending ranges,
 * {@code "0-2,4,6-7"}. Parsing ignores what is malformed or outside {@code [0, completions)}, as
 * upstream's {@code parseIndexesFromString} does, so a bad status never stops the Job.
 */
public final class CompletedIndexes {
  private CompletedIndexes() {}

  public static BitSet parse(String text, int completions) {
    BitSet set = new BitSet();
    if (text == null || text.isBlank()) {
      return set;
    }
    for (String part : text.split(",")) {
      String[] bounds = part.strip().split("-", -1);
      try {
        int first = Integer.parseInt(bounds[0]);
        int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
        if (bounds.length > 2 || first < 0 || last < first) {
          continue;
        }
        set.set(first, Math.min(last, completions - 1) + 1);
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // skipped, as upstream skips it
      }
    }
    return set;
  }

  /** Ranges of two or more consecutive indexes are written {@code a-b}; empty for none. */
  public static String format(BitSet set) {
    StringBuilder out = new StringBuilder();
    for (int first = set.nextSetBit(0); first >= 0; ) {
      int end = set.nextClearBit(first); // exclusive
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(first);
      if (end - 1 > first) {
        out.append('-').append(end - 1);
      }
      first = set.nextSetBit(end);
    }
    return out.toString();
  }
}
