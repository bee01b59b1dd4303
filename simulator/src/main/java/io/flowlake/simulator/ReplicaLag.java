package io.flowlake.simulator;

import io.flowlake.api.RunRecord;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The writes the API's read replica has not received yet (docs/rapidpro-api.md §9 pitfall 4).
 * mailroom sets {@code modified_on = NOW()}, the start of the writing transaction, but the RapidPro
 * API reads a replica ({@code using("readonly")}), which sees a row only once its transaction has
 * committed and replication has caught up. Transactions last different times, so each one here
 * draws its delay, between 1 µs and the maximum lag, from a seeded stream: a short write that
 * started later can show up before a longer one that started earlier, and a reader whose watermark
 * is the newest {@code modified_on} it saw has then passed a row that appears afterwards.
 *
 * <p>Until its write arrives the replica shows a run as it was before (a new run not at all). A
 * later write of the same run waits for the earlier one's row lock, so it never arrives first.
 * Without lag nothing is ever pending and reads cost one emptiness check. Not thread-safe: {@link
 * Workspace} guards it (reads never change it).
 */
final class ReplicaLag {
  /**
   * A write on its way: {@code before} is what the replica shows meanwhile, null for a new run;
   * {@code beforeMicros} is its {@code modified_on}.
   */
  record Write(long sequence, int run, long arrives, RunRecord before, long beforeMicros) {}

  private static final Comparator<Write> BY_ARRIVAL =
      Comparator.comparingLong(Write::arrives).thenComparingLong(Write::sequence);

  private final long maxMicros;
  private final SplittableRandom rng;
  private final MicrosClock clock;
  private final Map<Integer, ArrayDeque<Write>> pendingByRun = new HashMap<>();
  private final PriorityQueue<Write> pending = new PriorityQueue<>(BY_ARRIVAL);
  private long sequence;

  /**
   * @param maxMicros the longest delay a write takes to reach the replica; 0 for no lag
   * @param clock whose wall time decides what has arrived
   */
  ReplicaLag(long maxMicros, SplittableRandom rng, MicrosClock clock) {
    if (maxMicros < 0) {
      throw new IllegalArgumentException("a replica lag cannot be negative, got " + maxMicros);
    }
    this.maxMicros = maxMicros;
    this.rng = rng;
    this.clock = clock;
  }

  boolean lags() {
    return maxMicros > 0;
  }

  /** When a transaction that set {@code modified_on = modifiedOn} reaches the replica. */
  long arrival(long modifiedOn) {
    return lags() ? modifiedOn + 1 + rng.nextLong(maxMicros) : modifiedOn;
  }

  /**
   * Records a write of {@code run} that reaches the replica at {@code arrives}; {@code before} is
   * the run as it was, null for a new run. Does nothing without lag.
   */
  void written(int run, RunRecord before, long arrives) {
    if (!lags()) {
      return;
    }
    forgetArrived(clock.wall());
    ArrayDeque<Write> writes = pendingByRun.computeIfAbsent(run, r -> new ArrayDeque<>());
    long at = writes.isEmpty() ? arrives : Math.max(arrives, writes.peekLast().arrives());
    long beforeMicros = before == null ? Long.MIN_VALUE : ApiTimes.micros(before.modifiedOn());
    Write write = new Write(sequence++, run, at, before, beforeMicros);
    writes.addLast(write);
    pending.add(write);
  }

  /**
   * The earliest write of {@code run} the replica has not received at {@code now}, or null when it
   * shows the run as it is.
   */
  Write unseenAt(int run, long now) {
    if (pendingByRun.isEmpty()) {
      return null;
    }
    ArrayDeque<Write> writes = pendingByRun.get(run);
    if (writes != null) {
      for (Write write : writes) {
        if (write.arrives() > now) {
          return write;
        }
      }
    }
    return null;
  }

  /** Whether the replica may still show {@code run} as it was at {@code modifiedOn}. */
  boolean mayShow(int run, long modifiedOn) {
    ArrayDeque<Write> writes = pendingByRun.get(run);
    return writes != null
        && writes.stream().anyMatch(w -> w.before() != null && w.beforeMicros() == modifiedOn);
  }

  /** Drops the writes that arrived by {@code now}: the replica shows their result. */
  private void forgetArrived(long now) {
    while (!pending.isEmpty() && pending.peek().arrives() <= now) {
      Write write = pending.poll();
      ArrayDeque<Write> writes = pendingByRun.get(write.run());
      writes.removeFirst(); // a run's writes arrive in order, so this one is its oldest
      if (writes.isEmpty()) {
        pendingByRun.remove(write.run());
      }
    }
  }
}
