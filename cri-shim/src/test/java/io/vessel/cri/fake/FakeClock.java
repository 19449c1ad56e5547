package io.vessel.cri.fake;

import java.time.Instant;

/** CRI timestamps: nanoseconds since the epoch, as containerd reports them. */
final class FakeClock {

  private FakeClock() {}

  static long nowNanos() {
    var now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
