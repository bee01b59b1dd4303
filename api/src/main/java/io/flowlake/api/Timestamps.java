package io.flowlake.api;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * RapidPro's timestamps (docs/rapidpro-api.md §2.5). The API writes {@code Z} with 6 fraction
 * digits, but drops the fraction when microseconds are 0; archives write Postgres' {@code +00:00}
 * with trailing zeros trimmed. We read all of those and always send the {@code Z} form, because an
 * unencoded {@code +} in {@code before}/{@code after} silently returns no rows (pitfall 9).
 */
public final class Timestamps {

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, 6, true)
          .optionalEnd()
          .appendOffsetId()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,6}]} followed by {@code Z} or an offset such as {@code
   * +00:00}, as an instant (UTC).
   *
   * @throws DateTimeParseException for anything else, including 7 or more fraction digits
   */
  public static Instant parse(String text) {
    Instant utc = parseUtc(text);
    return utc != null ? utc : OffsetDateTime.parse(text, READ).toInstant();
  }

  /**
   * The two forms RapidPro writes millions of (API {@code Z}, archive {@code +00:00}) read without
   * the formatter, which costs more than the rest of a run's parsing; null for anything else or
   * anything doubtful, which the strict formatter then accepts or rejects with its message.
   */
  private static Instant parseUtc(String t) {
    int n = t.length();
    int zone = t.endsWith("Z") ? n - 1 : t.endsWith("+00:00") ? n - 6 : -1;
    if (zone < 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int nanos = 0;
    if (zone > 19) {
      int fraction = zone - 20;
      if (t.charAt(19) != '.' || fraction < 1 || fraction > 6) {
        return null;
      }
      nanos = digits(t, 20, fraction);
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nanos < 0
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code t[at, at+count)}, or -1 if any character is not a digit. */
  private static int digits(String t, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, the form the API documents and sends. */
  public static String format(Instant instant) {
    return WRITE.format(instant);
  }
}
