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
 * RapidPro's timestamps (API.md §2.5). The API writes {@code Z} with 6 fraction digits, but drops
 * the fraction when microseconds are 0; archives write Postgres' {@code +00:00} with trailing zeros
 * trimmed. We read all of those and always send the {@code Z} form, because an unencoded {@code +}
 * in {@code before}/{@code after} silently returns no rows (pitfall 9).
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
    return OffsetDateTime.parse(text, READ).toInstant();
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, the form the API documents and sends. */
  public static String format(Instant instant) {
    return WRITE.format(instant);
  }
}
