package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warehouse feed's change batches, run at once: results in order, failures after all end. */
class SideBySideTest {

  @Test
  void runsTheTasksAtOnceAndGivesTheirResultsInTheItemsOrder() throws Exception {
    List<String> tables = List.of("runs", "run_values", "contacts");
    CountDownLatch allStarted = new CountDownLatch(tables.size());

    List<String> sent =
        SideBySide.run(
            tables,
            (table, index) -> {
              allStarted.countDown();
              // one after another, the first task would wait here for the others in vain
              boolean together = await(allStarted);
              return index + " " + table + (together ? " together" : " alone");
            });

    assertThat(sent)
        .containsExactly("0 runs together", "1 run_values together", "2 contacts together");
  }

  @Test
  void throwsTheFirstFailureAsItWasThrownOnceTheOthersHaveEnded() {
    Set<String> ended = ConcurrentHashMap.newKeySet();
    CountDownLatch failed = new CountDownLatch(1);

    assertThatThrownBy(
            () ->
                SideBySide.run(
                    List.of("runs", "run_values"),
                    (table, index) -> {
                      if (index == 1) {
                        failed.countDown();
                        throw new SQLException("refused by the test", "P0001");
                      }
                      await(failed); // still under way when the other fails
                      await(new CountDownLatch(1), 200);
                      ended.add(table);
                      return table;
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessage("refused by the test");
    assertThat(ended).containsExactly("runs");
  }

  @Test
  void runsASingleTaskOnTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();

    assertThat(SideBySide.run(List.of("runs"), (table, index) -> Thread.currentThread() == caller))
        .containsExactly(true);
    assertThat(SideBySide.run(List.<String>of(), (table, index) -> table)).isEmpty();
  }

  private static boolean await(CountDownLatch latch) {
    return await(latch, 30_000);
  }

  private static boolean await(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
