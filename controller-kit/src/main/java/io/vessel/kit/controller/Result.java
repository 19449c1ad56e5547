package io.vessel.kit.controller;

import java.time.Duration;

/** What a reconcile asks for next: nothing until the next change, or another run after a delay. */
public record Result(Duration requeueAfter) {
  private static final Result DONE = new Result(null);

  public static Result done() {
    return DONE;
  }

  public static Result requeueAfter(Duration delay) {
    return new Result(delay);
  }
}
