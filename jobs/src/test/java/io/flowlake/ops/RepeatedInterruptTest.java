package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatedInterruptTest {

  @Test
  void interruptsItsTargetAgainUntilAcknowledgedAndNeverAfter() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    RepeatedInterrupt stop = new RepeatedInterrupt(Thread.currentThread(), rounds::incrementAndGet);
    stop.start();
    int interrupted = 0;
    while (interrupted < 3) {
      try {
        Thread.sleep(5_000);
        break; // not interrupted within 5 s: the assertion below says so
      } catch (InterruptedException e) {
        interrupted++;
      }
    }
    assertThat(interrupted).as("interrupts before the acknowledgement").isEqualTo(3);

    stop.acknowledge();

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    int roundsWhenAcknowledged = rounds.get();
    Thread.sleep(RepeatedInterrupt.PERIOD.toMillis() * 4); // throws if an interrupt still came
    assertThat(rounds.get()).isEqualTo(roundsWhenAcknowledged);
  }

  @Test
  void anInterruptUnderWayWhenAcknowledgedLandsBeforeTheAcknowledgementReturns() throws Exception {
    CountDownLatch secondRoundBegun = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    Runnable slowSecondRound =
        () -> {
          if (rounds.incrementAndGet() == 2) {
            secondRoundBegun.countDown();
            sleepThroughInterrupts(300); // the acknowledgement comes now, the interrupt after
          }
        };
    RepeatedInterrupt stop = new RepeatedInterrupt(Thread.currentThread(), slowSecondRound);
    stop.start();
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException first) {
      // the first round's
    }
    assertThat(secondRoundBegun.await(5, TimeUnit.SECONDS)).isTrue();

    stop.acknowledge();

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    Thread.sleep(1_000); // the second round's interrupt would end this sleep early, and fail it
    assertThat(rounds.get()).isEqualTo(2);
  }

  private static void sleepThroughInterrupts(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      try {
        Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
      } catch (InterruptedException e) {
        // the acknowledgement's nudge: this round finishes regardless
      }
    }
  }
}
