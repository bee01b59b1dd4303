package io.flowlake.ops;

import java.time.Duration;

/**
 * Interrupts one thread, with an action before each interrupt, every {@link #PERIOD} until {@link
 * #acknowledge acknowledged}: the way a stop reaches a command whose library code (Delta's commit,
 * Hadoop's I/O) may swallow a single interrupt.
 *
 * <p>Acknowledging ends the interrupts for good before it returns. The thread then unwinds with
 * file I/O (the lock's release, the run's report), and a read through a {@code FileChannel} by a
 * thread interrupted meanwhile fails with {@code ClosedByInterruptException}: a late interrupt
 * would leave the lake locked.
 */
final class RepeatedInterrupt {

  static final Duration PERIOD = Duration.ofMillis(200);

  private final Thread target;
  private final Runnable beforeEach;
  private final Thread interrupter;
  private volatile boolean acknowledged;

  RepeatedInterrupt(Thread target, Runnable beforeEach) {
    this.target = target;
    this.beforeEach = beforeEach;
    this.interrupter = new Thread(this::interruptUntilAcknowledged, "flowlake-stop");
    interrupter.setDaemon(true);
  }

  void start() {
    interrupter.start();
  }

  private void interruptUntilAcknowledged() {
    while (!acknowledged && target.isAlive()) {
      beforeEach.run();
      target.interrupt();
      try {
        Thread.sleep(PERIOD.toMillis());
      } catch (InterruptedException e) {
        return; // acknowledged
      }
    }
  }

  /**
   * Ends the interrupts: when this returns none is pending or to come, and if the caller is the
   * target its interrupt status is clear.
   */
  void acknowledge() {
    acknowledged = true;
    if (interrupter.isAlive() && Thread.currentThread() != interrupter) {
      interrupter.interrupt();
      boolean ended = false;
      while (!ended) {
        try {
          interrupter.join();
          ended = true;
        } catch (InterruptedException lastOne) {
          // the interrupter's last interrupt, sent before it saw the acknowledgement: wait on
        }
      }
    }
    if (Thread.currentThread() == target) {
      Thread.interrupted();
    }
  }
}
