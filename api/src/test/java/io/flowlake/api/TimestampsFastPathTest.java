package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written reading of RapidPro's two UTC forms agrees with java.time's, instant for
 * instant.
 */
class TimestampsFastPathTest {

  @Test
  void zAndPlusZeroFormsWithZeroToSixFractionDigitsReadAsJavaTimeReadsThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000) * 1000L);
      String iso = OffsetDateTime.ofInstant(t, ZoneOffset.UTC).toString(); // trims zero fractions
      String base = iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
      if (base.length() == 16) {
        base += ":00"; // java.time drops zero seconds; RapidPro never does
      }
      Instant expected = OffsetDateTime.parse(base + "Z").toInstant();
      assertThat(Timestamps.parse(base + "Z")).isEqualTo(expected);
      assertThat(Timestamps.parse(base + "+00:00")).isEqualTo(expected);
    }
  }
}
