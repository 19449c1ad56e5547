package io.vessel.conformance.bench;

/**
 * Wall-clock microseconds for {@link System#nanoTime()} readings: one anchor taken at class load,
 * so annotations carry a readable time while differences stay monotonic.
 */
final class Clock {

  private static final long ANCHOR_NANOS = System.nanoTime();
  private static final long ANCHOR_EPOCH_MICROS = System.currentTimeMillis() * 1000;

  private Clock() {}

  static long epochMicros(long nanoTime) {
    return ANCHOR_EPOCH_MICROS + (nanoTime - ANCHOR_NANOS) / 1000;
  }

  static long nanoTime(long epochMicros) {
    return ANCHOR_NANOS + (epochMicros - ANCHOR_EPOCH_MICROS) * 1000;
  }
}
