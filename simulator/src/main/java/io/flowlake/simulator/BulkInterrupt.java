package io.flowlake.simulator;

import java.util.SplittableRandom;

/**
 * The generated workspace's bulk interrupt: mailroom ends many waiting runs in one statement, which
 * gives them all one exact {@code modified_on} and {@code exited_on} (docs/rapidpro-api.md §9
 * pitfall 5). More than 600 runs take part once the workspace has 2400 runs, so the tie spans page
 * boundaries. Members are every {@code stride}-th run from {@code first}, all of one flow and one
 * flow start.
 */
record BulkInterrupt(int first, int stride, int size, int flow, int start, long at) {
  private static final long SECOND = 1_000_000L;
  private static final long HOUR = 3600 * SECOND;

  /** The start index shared by the members; day numbers (see RunPlanner) never reach it. */
  static final int START_DAY = 99_999;

  static BulkInterrupt plan(long seed, int runs, long windowStart, long slot, long now) {
    int size = runs >= 2400 ? Math.max(650, runs / 75) : runs / 4;
    if (size == 0) {
      return new BulkInterrupt(0, 1, 0, 0, -1, RunPlan.NO_TIME);
    }
    int stride = runs >= size * 6 ? 3 : 1;
    int first = Math.min((int) (runs * 0.6), runs - size * stride);
    SplittableRandom rng = SeededIds.random(seed, SeededIds.RUN, -1);
    long at =
        windowStart + (long) (first + size * stride) * slot + 2 * HOUR + rng.nextLong(1, SECOND);
    at = Math.min(at, now - SECOND);
    return new BulkInterrupt(
        first, stride, size, 0, START_DAY, at); // flow 0: start index = START_DAY
  }

  boolean contains(int index) {
    return size > 0
        && index >= first
        && index < first + size * stride
        && (index - first) % stride == 0;
  }
}
