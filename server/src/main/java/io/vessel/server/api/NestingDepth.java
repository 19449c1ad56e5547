package io.vessel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;

/**
 * How deeply a request body may nest objects and arrays.
 *
 * <p>kube-apiserver accepts up to 10,000 levels (Go's decoder limit), and Go's stacks grow as
 * needed. Vessel's per-request work (decoding into the model classes, server-side apply, managed
 * fields, merge patches) recurses once or more per level on a fixed-size event-loop stack: on the
 * launcher's 512 KiB stacks server-side apply overflowed at about 600 levels. {@value #MAX} is
 * three times deeper than the deepest objects seen in practice (CRD schemas that embed a pod
 * template, about 60 levels) and leaves that stack three times the room it needs, so a deep body
 * is answered with 400 rather than a {@link StackOverflowError} and 500.
 */
public final class NestingDepth {
  /** The deepest nesting a request body may have; the top-level object is level 1. */
  public static final int MAX = 200;

  private NestingDepth() {}

  /** The nesting depth of {@code tree}: 0 for a scalar, 1 for a flat object or array. */
  public static int of(JsonNode tree) {
    // Iterative on purpose: measuring must not itself recurse as deep as the input.
    record Level(JsonNode node, int depth) {}
    var pending = new ArrayDeque<Level>();
    pending.push(new Level(tree, 1));
    int deepest = 0;
    while (!pending.isEmpty()) {
      Level level = pending.pop();
      if (!level.node().isContainerNode()) {
        continue;
      }
      deepest = Math.max(deepest, level.depth());
      for (JsonNode child : level.node()) {
        if (child.isContainerNode()) {
          pending.push(new Level(child, level.depth() + 1));
        }
      }
    }
    return deepest;
  }

  /**
   * The parse error text for a body nested deeper than {@link #MAX}, in the words of Jackson's own
   * limit (which callers already quote), or null when the body is within the limit.
   */
  public static String violation(JsonNode tree) {
    int depth = of(tree);
    return depth <= MAX
        ? null
        : "Document nesting depth (" + depth + ") exceeds the maximum allowed (" + MAX + ")";
  }
}
