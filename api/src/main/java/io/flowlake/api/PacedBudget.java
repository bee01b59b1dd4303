package io.flowlake.api;

import java.time.Duration;

/**
 * Spaces requests evenly at {@code requestsPerHour}, never in bursts: RapidPro counts requests in a
 * rolling hour and answers a burst with a {@code Retry-After} of up to an hour
 * (docs/rapidpro-api.md §4, pitfall 12). Each caller reserves the next slot, {@code max(now,
 * previous slot + interval)}, under a lock (so threads sharing one budget get distinct slots, in
 * order) and then sleeps until it outside the lock.
 */
public final class PacedBudget implements RequestBudget {

  private static final long NANOS_PER_HOUR = Duration.ofHours(1).toNanos();

  private final long intervalNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private boolean started;
  private long holdOffs;
  private long previousSlot;

  public PacedBudget(int requestsPerHour, Ticker ticker, Sleeper sleeper) {
    if (requestsPerHour <= 0) {
      throw new IllegalArgumentException("requestsPerHour must be positive: " + requestsPerHour);
    }
    this.intervalNanos = NANOS_PER_HOUR / requestsPerHour;
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  @Override
  public void acquire() throws InterruptedException {
    while (true) {
      long holdOffsBefore;
      long slot;
      synchronized (this) {
        holdOffsBefore = holdOffs;
        slot = reserveSlot();
      }
      long wait = slot - ticker.nanos();
      if (wait > 0) {
        sleeper.sleep(Duration.ofNanos(wait));
      }
      // A 429 seen while this caller slept voids the slot it was given: queue again behind it.
      synchronized (this) {
        if (holdOffs == holdOffsBefore) {
          return;
        }
      }
    }
  }

  /** Moves the next free slot to {@code wait} from now, unless it is already later. */
  @Override
  public synchronized void holdOff(Duration wait) {
    long resume = ticker.nanos() + wait.toNanos();
    holdOffs++;
    if (!started || resume - (previousSlot + intervalNanos) > 0) {
      previousSlot = resume - intervalNanos;
      started = true;
    }
  }

  private synchronized long reserveSlot() {
    long now = ticker.nanos();
    // Compared by difference, as System.nanoTime() values must be.
    long slot =
        started && previousSlot + intervalNanos - now > 0 ? previousSlot + intervalNanos : now;
    started = true;
    previousSlot = slot;
    return slot;
  }

  @Override
  public String toString() {
    return "PacedBudget[interval=" + Duration.ofNanos(intervalNanos) + "]";
  }
}
