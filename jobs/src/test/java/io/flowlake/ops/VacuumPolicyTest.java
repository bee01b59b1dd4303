package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.config.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VacuumPolicyTest {

  private static final Duration WEEK = Duration.ofDays(7);
  private static final Instant LAST = Instant.parse("2026-11-01T00:00:00Z");

  private static VacuumPolicy every(Duration every) {
    return new VacuumPolicy(WEEK, every, false);
  }

  @Test
  void isDueOnceTheCadenceHasPassedSinceTheLastVacuumAndNotBefore() {
    VacuumPolicy daily = every(Duration.ofDays(1));

    assertThat(daily.isDue(Optional.of(LAST), LAST.plus(Duration.ofHours(23)))).isFalse();
    assertThat(daily.isDue(Optional.of(LAST), LAST.plus(Duration.ofDays(1)))).isTrue();
    assertThat(daily.isDue(Optional.of(LAST), LAST.plus(Duration.ofDays(30)))).isTrue();
  }

  @Test
  void zeroIsEveryRunAndNeverIsNoRunUnlessForced() {
    assertThat(every(Duration.ZERO).isDue(Optional.of(LAST), LAST)).isTrue();
    assertThat(every(ValueType.NEVER).isDue(Optional.of(LAST), LAST.plus(Duration.ofDays(9999))))
        .isFalse();
    assertThat(every(ValueType.NEVER).hasCadence()).isFalse();
    assertThat(new VacuumPolicy(WEEK, ValueType.NEVER, true).isDue(Optional.empty(), LAST))
        .isTrue();
  }

  @Test
  void aLakeWithoutACadenceYetIsNotDueButAForcedVacuumIs() {
    assertThat(every(Duration.ofDays(1)).isDue(Optional.empty(), LAST)).isFalse();
    assertThat(new VacuumPolicy(WEEK, Duration.ofDays(1), true).isDue(Optional.empty(), LAST))
        .isTrue();
    assertThat(VacuumPolicy.off().isDue(Optional.of(LAST), LAST.plus(Duration.ofDays(400))))
        .isFalse();
  }

  @Test
  void theCadenceOptionReadsDurationsZeroAndNeverAndRefusesNegatives() {
    assertThat(ValueType.CADENCE.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(ValueType.CADENCE.parse("0s")).isEqualTo(Duration.ZERO);
    assertThat(ValueType.CADENCE.parse("Never")).isEqualTo(ValueType.NEVER);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> ValueType.CADENCE.parse("-PT1H")))
        .isNotNull();
  }
}
