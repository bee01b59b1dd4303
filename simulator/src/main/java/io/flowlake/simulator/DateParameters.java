package io.flowlake.simulator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the server reads dates it is given: {@code before}/{@code after} with the {@code iso8601}
 * package (docs/rapidpro-api.md §2.6), and a cursor's position with Django's {@code
 * parse_datetime}. Both treat a missing zone as UTC.
 */
final class DateParameters {
  /** {@code iso8601.ISO8601_REGEX}: anchored at both ends, so a '+' decoded as a space fails. */
  private static final Pattern ISO8601 =
      Pattern.compile(
          "(?<year>[0-9]{4})"
              + "((-(?<monthdash>[0-9]{1,2})|(?<month>[0-9]{2})(?!$))"
              + "((-(?<daydash>[0-9]{1,2})|(?<day>[0-9]{2}))"
              + "(((?<separator>[ T])(?<hour>[0-9]{2})(:?(?<minute>[0-9]{2}))?"
              + "(:?(?<second>[0-9]{1,2})([.,](?<fraction>[0-9]+))?)?"
              + "(?<timezone>Z|((?<tzsign>[-+])(?<tzhour>[0-9]{2}):?(?<tzminute>[0-9]{2})?))?)?))?)?");

  /** Django's {@code datetime_re}, then {@code date_re}. */
  private static final Pattern DJANGO_DATETIME =
      Pattern.compile(
          "(?<year>\\d{4})-(?<month>\\d{1,2})-(?<day>\\d{1,2})"
              + "[T ](?<hour>\\d{1,2}):(?<minute>\\d{1,2})"
              + "(?::(?<second>\\d{1,2})(?:[.,](?<fraction>\\d{1,6})\\d{0,6})?)?"
              + "\\s*(?<tz>Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Pattern DJANGO_DATE =
      Pattern.compile("(?<year>\\d{4})-(?<month>\\d{1,2})-(?<day>\\d{1,2})");

  private DateParameters() {}

  /**
   * A {@code before}/{@code after} value in epoch micros, or null when the server cannot parse it.
   */
  static Long parseFilterDate(String text) {
    Matcher m = ISO8601.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      int month = number(m.group("month") != null ? m.group("month") : m.group("monthdash"), 1);
      int day = number(m.group("day") != null ? m.group("day") : m.group("daydash"), 1);
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group("year")),
              month,
              day,
              number(m.group("hour"), 0),
              number(m.group("minute"), 0),
              number(m.group("second"), 0),
              fractionNanos(m.group("fraction")));
      int offset = 0;
      if (m.group("tzsign") != null) {
        int minutes = number(m.group("tzhour"), 0) * 60 + number(m.group("tzminute"), 0);
        offset = "-".equals(m.group("tzsign")) ? -minutes : minutes;
      }
      return micros(local, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A cursor position in epoch micros, or null when Django would raise a ValidationError. */
  static Long parsePosition(String text) {
    try {
      Matcher m = DJANGO_DATETIME.matcher(text);
      if (m.matches()) {
        LocalDateTime local =
            LocalDateTime.of(
                Integer.parseInt(m.group("year")),
                Integer.parseInt(m.group("month")),
                Integer.parseInt(m.group("day")),
                Integer.parseInt(m.group("hour")),
                Integer.parseInt(m.group("minute")),
                number(m.group("second"), 0),
                fractionNanos(m.group("fraction")));
        return micros(local, offsetMinutes(m.group("tz")));
      }
      Matcher d = DJANGO_DATE.matcher(text);
      if (d.matches()) {
        LocalDate date =
            LocalDate.of(
                Integer.parseInt(d.group("year")),
                Integer.parseInt(d.group("month")),
                Integer.parseInt(d.group("day")));
        return micros(date.atStartOfDay(), 0);
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  private static int offsetMinutes(String tz) {
    if (tz == null || tz.equals("Z")) {
      return 0;
    }
    String digits = tz.substring(1).replace(":", "");
    int minutes =
        Integer.parseInt(digits.substring(0, 2)) * 60
            + (digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0);
    return tz.charAt(0) == '-' ? -minutes : minutes;
  }

  private static int number(String digits, int absent) {
    return digits == null ? absent : Integer.parseInt(digits);
  }

  /** Digits after the decimal point, truncated to microseconds. */
  private static int fractionNanos(String digits) {
    if (digits == null) {
      return 0;
    }
    String micros = (digits + "000000").substring(0, 6);
    return Integer.parseInt(micros) * 1000;
  }

  private static long micros(LocalDateTime local, int offsetMinutes) {
    return ApiTimes.micros(local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
  }
}
