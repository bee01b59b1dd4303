package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollingRateTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void measuresTheLastSpanNotTheAverageSinceStartUp() {
    RollingRate rate = new RollingRate(Duration.ofSeconds(10));
    long total = 0;
    for (int s = 0; s <= 60; s++) { // a minute at 10 a second
      rate.sample(s * SECOND, total);
      total += 10;
    }
    for (int s = 61; s <= 80; s++) { // then a stall: 20 seconds without a request
      rate.sample(s * SECOND, total);
    }

    assertThat(rate.perSecond()).isEqualTo(0.0);
    rate.sample(81 * SECOND, total + 40);
    assertThat(rate.perSecond()).isCloseTo(4.0, within(0.5));
  }

  @Test
  void isZeroBeforeTwoSamples() {
    RollingRate rate = new RollingRate(Duration.ofSeconds(10));
    assertThat(rate.perSecond()).isZero();
    rate.sample(SECOND, 5);
    assertThat(rate.perSecond()).isZero();
  }
}
