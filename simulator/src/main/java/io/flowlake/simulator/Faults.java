package io.flowlake.simulator;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Faults queued for the next answers of {@code /api/v2/runs.json}, used up in order, one per
 * request. A faulted request reaches neither authentication nor the throttle (a proxy answered),
 * except a truncated answer, which is the real one cut short.
 */
public final class Faults {
  private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();

  Faults() {}

  public void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      queue.add(fault);
    }
  }

  public void enqueue(int times, Fault fault) {
    for (int k = 0; k < times; k++) {
      queue.add(fault);
    }
  }

  public int pending() {
    return queue.size();
  }

  public void clear() {
    queue.clear();
  }

  Fault next() {
    return queue.poll();
  }
}
