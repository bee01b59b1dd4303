package io.flowlake.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when told to, for tests that step a simulator through time: give it
 * to {@link Simulator.Builder#clock} (writes take their {@code modified_on} from it, and a lagging
 * replica catches up by it) and to the code under test, so both agree on "now" without sleeping.
 * Thread-safe; it never moves backwards.
 */
public final class ManualClock extends Clock {
  private volatile Instant now;

  public ManualClock(Instant start) {
    now = start;
  }

  /** Moves the clock forward by {@code step}, which cannot be negative. */
  public synchronized void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward, got a step of " + step);
    }
    now = now.plus(step);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Only UTC: a zone would not change which instant this clock holds. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone.normalized())) {
      throw new UnsupportedOperationException("a ManualClock is UTC only, asked for " + zone);
    }
    return this;
  }
}
