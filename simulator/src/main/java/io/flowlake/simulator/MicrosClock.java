package io.flowlake.simulator;

import java.time.Clock;

/**
 * mailroom's {@code NOW()} for the simulated database: microseconds that strictly increase and are
 * never behind the wall clock, so every write lands after everything written before it (which
 * {@link ModifiedOrder} relies on).
 */
final class MicrosClock {
  private final Clock wall;
  private long last;

  MicrosClock(Clock wall, long last) {
    this.wall = wall;
    this.last = last;
  }

  long tick() {
    last = Math.max(ApiTimes.micros(wall.instant()), last + 1);
    return last;
  }

  long last() {
    return last;
  }

  /** The wall clock's time, which writes may be ahead of but never behind. */
  long wall() {
    return ApiTimes.micros(wall.instant());
  }

  /** A write at an explicit time: it must come after every earlier one. */
  long tickAt(long micros) {
    if (micros <= last) {
      throw new IllegalArgumentException(
          "a write at "
              + ApiTimes.formatIso(micros)
              + " would not be the newest; use a time after "
              + ApiTimes.formatIso(last));
    }
    last = micros;
    return last;
  }
}
