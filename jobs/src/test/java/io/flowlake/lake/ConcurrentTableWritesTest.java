package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrentTableWritesTest {

  private static final List<String> TABLES =
      List.of("flow_a", "flow_b", "flow_c", "flow_d", "flow_e");

  @Test
  void returnsEachTablesResultInTheOrderGivenWithSeveralWritesInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Map<String, Long> written =
        ConcurrentTableWrites.run(
            TABLES,
            t -> t,
            t -> {
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              sleep(100);
              inFlight.decrementAndGet();
              return t.charAt(t.length() - 1) - 'a' + 1L;
            });
    assertThat(written.keySet()).containsExactlyElementsOf(TABLES);
    assertThat(written.values()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(most.get()).isBetween(2, ConcurrentTableWrites.THREADS);
  }

  @Test
  void aFailedWriteNamesItsTableAndNoWriteRunsAfterwards() {
    Set<String> finished = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    assertThatThrownBy(
            () ->
                ConcurrentTableWrites.run(
                    TABLES,
                    t -> t,
                    t -> {
                      running.incrementAndGet();
                      try {
                        if (t.equals("flow_b")) {
                          throw new IllegalStateException("disk full");
                        }
                        sleep(200);
                        finished.add(t);
                        return 1L;
                      } finally {
                        running.decrementAndGet();
                      }
                    }))
        .isInstanceOf(ConcurrentTableWrites.TableWriteException.class)
        .hasMessage("writing flow_b failed: disk full");
    // the writes in flight ended before the failure was thrown, and they stand
    assertThat(running.get()).isZero();
    assertThat(finished).contains("flow_a").doesNotContain("flow_b");
  }

  @Test
  void asIfInlineAFailedWriteThrowsWhatTheWriteThrewAndAnErrorStaysAnError() {
    IllegalStateException diskFull = new IllegalStateException("disk full");
    assertThat(thrownWhenFlowCFails(diskFull)).isSameAs(diskFull);
    AssertionError audit = new AssertionError("an audit found 2 breaches");
    assertThat(thrownWhenFlowCFails(audit)).isSameAs(audit);
  }

  /** What runAsIfInline throws when flow_c's write throws {@code failure}. */
  private static Throwable thrownWhenFlowCFails(Throwable failure) {
    return catchThrowable(
        () ->
            ConcurrentTableWrites.runAsIfInline(
                TABLES,
                t -> t,
                t -> {
                  if (!t.equals("flow_c")) {
                    return 1L;
                  }
                  if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                  }
                  throw (Error) failure;
                }));
  }

  @Test
  void anInterruptedCallerStopsTheWritesAndKeepsItsInterrupt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger interruptedWrites = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagKept = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                ConcurrentTableWrites.run(
                    TABLES,
                    t -> t,
                    t -> {
                      started.countDown();
                      try {
                        Thread.sleep(60_000);
                      } catch (InterruptedException e) {
                        interruptedWrites.incrementAndGet();
                        throw new IllegalStateException("cancelled", e);
                      }
                      return 1L;
                    });
              } catch (RuntimeException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).hasMessageContaining("interrupted");
    assertThat(flagKept.get()).isTrue();
    assertThat(interruptedWrites.get()).isPositive();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
