package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetPaceTest {

  @Test
  void keepsRateTimesLatencyInFlightWithHeadroom() {
    assertThat(new BudgetPace(36_000, Duration.ofMillis(500)).requestsInFlight(8))
        .as("10/s x 0.5 s x 1.25 = 6.25")
        .isEqualTo(7);
    assertThat(new BudgetPace(3_600, Duration.ofSeconds(2)).requestsInFlight(8)).isEqualTo(3);
  }

  @Test
  void oneCursorSpendsTheDefaultBudgetOfAFastServer() {
    assertThat(new BudgetPace(3_600, Duration.ofMillis(200)).requestsInFlight(8)).isEqualTo(1);
    assertThat(new BudgetPace(3_600, Duration.ZERO).requestsInFlight(8)).isEqualTo(1);
  }

  @Test
  void neverMoreThanTheParallelismAllows() {
    assertThat(new BudgetPace(360_000, Duration.ofSeconds(1)).requestsInFlight(8)).isEqualTo(8);
  }
}
