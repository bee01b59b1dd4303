package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PacedBudgetTest {

  @Test
  void spacesRequestsOneSecondApartAt3600AnHour() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(3600, clock, clock);
    List<Long> granted = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      budget.acquire();
      granted.add(clock.nanos());
    }

    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(9));
    assertThat(clock.sleeps).hasSize(9).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    for (int i = 1; i < granted.size(); i++) {
      assertThat(granted.get(i) - granted.get(i - 1)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }
  }

  @Test
  void sleepsOnlyForWhatIsLeftOfTheInterval() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(7200, clock, clock);

    budget.acquire();
    clock.advance(Duration.ofMillis(200));
    budget.acquire();

    assertThat(clock.sleeps).containsExactly(Duration.ofMillis(300));
  }

  @Test
  void doesNotBankIdleTimeIntoABurst() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(3600, clock, clock);

    budget.acquire();
    clock.advance(Duration.ofMinutes(5));
    budget.acquire();
    budget.acquire();
    budget.acquire();

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void handsConcurrentThreadsDistinctSlotsAnIntervalApart() throws Exception {
    FakeClock clock = FakeClock.frozen();
    PacedBudget budget = new PacedBudget(3600, clock, clock);
    int threads = 8;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Callable<Void> worker =
          () -> {
            for (int i = 0; i < perThread; i++) {
              budget.acquire();
            }
            return null;
          };
      List<Future<Void>> done = pool.invokeAll(Collections.nCopies(threads, worker));
      for (Future<Void> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // With time frozen, each acquire sleeps exactly until its slot: the slots are the sleeps.
    List<Duration> slots = new ArrayList<>(clock.sleeps);
    slots.add(Duration.ZERO);
    Collections.sort(slots);
    assertThat(slots)
        .containsExactlyElementsOf(
            IntStream.range(0, threads * perThread).mapToObj(Duration::ofSeconds).toList());
  }

  @Test
  void aHoldOffDelaysTheNextRequestOfEveryCallerByTheServersWait() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(3600, clock, clock);

    budget.acquire();
    budget.holdOff(Duration.ofSeconds(30));
    budget.acquire();
    budget.acquire();

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  @Test
  void aHoldOffShorterThanTheIntervalDoesNotPullTheNextSlotForward() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(3600, clock, clock);

    budget.acquire();
    budget.holdOff(Duration.ofMillis(10));
    budget.acquire();

    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aSlotGrantedBeforeAHoldOffIsGivenUpAndQueuedAfterIt() throws InterruptedException {
    FakeClock clock = FakeClock.advancing();
    PacedBudget budget = new PacedBudget(3600, clock, clock);
    budget.acquire();
    long heldAt = clock.nanos();
    // While the next caller sleeps towards its slot, another thread gets a 429 for 60 s.
    clock.duringNextSleep(() -> budget.holdOff(Duration.ofSeconds(60)));

    budget.acquire();

    assertThat(clock.nanos() - heldAt).isGreaterThanOrEqualTo(Duration.ofSeconds(60).toNanos());
  }

  @Test
  void refusesANonPositiveRate() {
    FakeClock clock = FakeClock.frozen();
    assertThatThrownBy(() -> new PacedBudget(0, clock, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
