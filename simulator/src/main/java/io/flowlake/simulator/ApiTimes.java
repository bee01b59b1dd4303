package io.flowlake.simulator;

import java.time.Instant;

/**
 * Timestamps as RapidPro writes them (docs/rapidpro-api.md §2.5, §3). The simulator keeps every
 * time as epoch microseconds, the precision of Postgres {@code timestamptz}.
 *
 * <p>Three renderings exist on the real server: {@code format_datetime} for path and values times
 * (always six fraction digits), DRF's {@code DateTimeField} for created/modified/exited_on (Python
 * {@code isoformat()}, which drops the fraction when the microseconds are 0) and {@code
 * str(datetime)} for the cursor position ({@code 2015-11-11 13:05:57.576056+00:00}).
 */
final class ApiTimes {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int MAX_LENGTH = 32;

  private ApiTimes() {}

  static long micros(Instant t) {
    return Math.addExact(
        Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
  }

  /** {@code format_datetime}: {@code YYYY-MM-DDThh:mm:ss.ffffffZ}, fraction always present. */
  static String formatMicros(long micros) {
    char[] buf = new char[MAX_LENGTH];
    return new String(buf, 0, write(buf, micros, true, 'T', "Z"));
  }

  /** DRF {@code DateTimeField}: like {@link #formatMicros} but no fraction when it is 0. */
  static String formatIso(long micros) {
    char[] buf = new char[MAX_LENGTH];
    return new String(buf, 0, write(buf, micros, false, 'T', "Z"));
  }

  /** Python {@code str(datetime)} of an aware UTC datetime: the DRF cursor position. */
  static String formatPosition(long micros) {
    char[] buf = new char[MAX_LENGTH];
    return new String(buf, 0, write(buf, micros, false, ' ', "+00:00"));
  }

  static long floorToSecond(long micros) {
    return Math.floorDiv(micros, MICROS_PER_SECOND) * MICROS_PER_SECOND;
  }

  static long ceilToSecond(long micros) {
    return -Math.floorDiv(-micros, MICROS_PER_SECOND) * MICROS_PER_SECOND;
  }

  /**
   * Writes the timestamp into {@code buf} without allocating (RunJson writes millions of them) and
   * returns its length. Years are assumed to have four digits.
   */
  static int write(char[] buf, long micros, boolean alwaysFraction, char separator, String zone) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);

    // Howard Hinnant's civil_from_days: epoch day -> proleptic Gregorian year, month, day.
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    int i = digits(buf, 0, year, 4);
    buf[i++] = '-';
    i = digits(buf, i, month, 2);
    buf[i++] = '-';
    i = digits(buf, i, day, 2);
    buf[i++] = separator;
    i = digits(buf, i, secondOfDay / 3600, 2);
    buf[i++] = ':';
    i = digits(buf, i, secondOfDay / 60 % 60, 2);
    buf[i++] = ':';
    i = digits(buf, i, secondOfDay % 60, 2);
    if (alwaysFraction || fraction != 0) {
      buf[i++] = '.';
      i = digits(buf, i, fraction, 6);
    }
    zone.getChars(0, zone.length(), buf, i);
    return i + zone.length();
  }

  private static int digits(char[] buf, int at, int value, int width) {
    for (int k = width - 1; k >= 0; k--) {
      buf[at + k] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
