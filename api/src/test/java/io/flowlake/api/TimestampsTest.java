package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "2015-09-15T00:00:00Z,          2015-09-15T00:00:00Z",
    "2015-09-15T00:00:00.5Z,        2015-09-15T00:00:00.500Z",
    "2015-09-15T00:00:00.12Z,       2015-09-15T00:00:00.120Z",
    "2015-09-15T00:00:00.123Z,      2015-09-15T00:00:00.123Z",
    "2015-09-15T00:00:00.1234Z,     2015-09-15T00:00:00.123400Z",
    "2015-09-15T00:00:00.12345Z,    2015-09-15T00:00:00.123450Z",
    "2015-11-11T13:05:57.576056Z,   2015-11-11T13:05:57.576056Z",
    "2017-08-12T19:11:59.890662+00:00, 2017-08-12T19:11:59.890662Z",
    "2017-08-12T19:11:59.89+00:00,  2017-08-12T19:11:59.890Z",
    "2017-08-12T21:11:59+02:00,     2017-08-12T19:11:59Z",
    "2017-08-12T14:41:59.1-04:30,   2017-08-12T19:11:59.100Z",
  })
  void readsZeroToSixFractionDigitsWithZOrAnyOffsetAsUtc(String text, String utc) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(utc));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-11-11T13:05:57.5760561Z",
        "2015-11-11T13:05:57.576056",
        "2015-11-11 13:05:57.576056Z",
        "2015-11-11T13:05Z",
        "2015-11-11T13:05:57.Z",
        "2015-02-30T13:05:57Z",
        "2015-11-11",
        "yesterday",
        ""
      })
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void writesTheZFormWithSixFractionDigits() {
    assertThat(Timestamps.format(Instant.parse("2015-09-15T00:00:00Z")))
        .isEqualTo("2015-09-15T00:00:00.000000Z");
    assertThat(Timestamps.format(Instant.parse("2015-11-11T13:05:57.576056Z")))
        .isEqualTo("2015-11-11T13:05:57.576056Z");
  }

  @Test
  void writesWhatItReads() {
    String text = "2024-02-29T23:59:59.000001Z";
    assertThat(Timestamps.format(Timestamps.parse(text))).isEqualTo(text);
  }
}
