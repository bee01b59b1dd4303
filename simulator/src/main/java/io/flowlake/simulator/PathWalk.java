package io.flowlake.simulator;

import java.util.Arrays;

/**
 * A run walking a flow's nodes: visits with their arrival times, and the results written on the
 * way. The clock only moves forward, so path times never decrease.
 */
final class PathWalk {
  private int[] nodes = new int[16];
  private long[] times = new long[16];
  private int length;
  private long clock;
  private final int[] categories = {-1, -1, -1};
  private final long[] resultTimes = new long[FlowNodes.RESULT_COUNT];
  private boolean replied;

  PathWalk(long start) {
    this.clock = start;
  }

  void visit(int node) {
    if (length == nodes.length) {
      nodes = Arrays.copyOf(nodes, length * 2);
      times = Arrays.copyOf(times, length * 2);
    }
    nodes[length] = node;
    times[length++] = clock;
  }

  void pause(long micros) {
    clock += micros;
  }

  /**
   * The contact's answer writes a result now ({@code replied}), or the wait's timeout does; a later
   * result for the same slot overwrites it.
   */
  void answer(int slot, int category, boolean replied) {
    categories[slot] = category;
    resultTimes[slot] = clock;
    this.replied |= replied;
  }

  /** Whether the contact sent anything: the run's {@code responded}. */
  boolean replied() {
    return replied;
  }

  /** The arrival time at the last node visited. */
  long last() {
    return times[length - 1];
  }

  int[] nodes() {
    return Arrays.copyOf(nodes, length);
  }

  long[] times() {
    return Arrays.copyOf(times, length);
  }

  int[] categories() {
    return categories.clone();
  }

  long[] resultTimes() {
    return resultTimes.clone();
  }

  /**
   * Moves every time {@code t} to {@code origin + (t - origin) * factor}: squeezes a timeline that
   * would otherwise end in the future (or after a bulk interrupt) while keeping its order.
   */
  void squeeze(long origin, double factor) {
    for (int k = 0; k < length; k++) {
      times[k] = squeeze(times[k], origin, factor);
    }
    for (int slot = 0; slot < categories.length; slot++) {
      if (categories[slot] >= 0) {
        resultTimes[slot] = squeeze(resultTimes[slot], origin, factor);
      }
    }
  }

  static long squeeze(long t, long origin, double factor) {
    return origin + (long) ((t - origin) * factor);
  }
}
