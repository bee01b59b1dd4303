package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A vacuum skips a table only when its last vacuum provably left nothing for this one. */
class VacuumMarkTest {

  private static final Instant VACUUMED = Instant.parse("2026-11-20T03:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Instant CUTOFF = VACUUMED.minus(WEEK);

  private static VacuumMark changedAt(Instant changed) {
    return new VacuumMark(12, changed, CUTOFF, WEEK);
  }

  @Test
  void skipsATableUnchangedSinceAVacuumWhoseCutoffFollowedItsLastChange() {
    assertThat(changedAt(CUTOFF.minusSeconds(1)).allowsSkip(12, WEEK)).isTrue();
    assertThat(changedAt(CUTOFF).allowsSkip(12, Duration.ofDays(30))).isTrue();
  }

  @Test
  void vacuumsATableWithAnyCommitSinceTheMark() {
    assertThat(changedAt(CUTOFF.minusSeconds(1)).allowsSkip(13, WEEK)).isFalse();
    assertThat(changedAt(CUTOFF.minusSeconds(1)).allowsSkip(11, WEEK)).isFalse();
  }

  /** Files it removed within the retention before that vacuum were kept then, and are due later. */
  @Test
  void vacuumsATableThatChangedWithinTheRetentionBeforeItsLastVacuum() {
    assertThat(changedAt(CUTOFF.plusSeconds(1)).allowsSkip(12, WEEK)).isFalse();
  }

  @Test
  void vacuumsAgainWhenTheRetentionIsShorterThanAtTheLastVacuum() {
    VacuumMark mark = changedAt(CUTOFF.minus(Duration.ofDays(3)));
    assertThat(mark.allowsSkip(12, Duration.ofDays(6))).isFalse();
    assertThat(mark.allowsSkip(12, Duration.ZERO)).isFalse();
  }
}
