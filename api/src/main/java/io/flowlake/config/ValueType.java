package io.flowlake.config;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an option's text becomes a value. The parser may throw any runtime exception; {@link
 * Setting#parse} turns it into one line quoting the value and {@link #expected}.
 *
 * @param name the type as the options reference shows it
 * @param expected what a good value looks like, completing "must be ..."
 */
public record ValueType<T>(String name, String expected, Function<String, T> parser) {

  public static final ValueType<String> TEXT = new ValueType<>("text", "text", text -> text);

  /** A file or folder; the reader of the option opens it. */
  public static final ValueType<String> PATH = new ValueType<>("path", "a path", text -> text);

  public static final ValueType<Integer> POSITIVE_INT =
      new ValueType<>("integer", "a positive whole number", ValueType::positiveInt);

  public static final ValueType<Long> COUNT =
      new ValueType<>("integer", "a whole number, 0 or more", ValueType::count);

  public static final ValueType<Boolean> BOOLEAN =
      new ValueType<>("boolean", "true or false", ValueType::bool);

  public static final ValueType<Duration> DURATION =
      new ValueType<>("duration", "a duration such as 90s, 10m, 1h or PT10M", ValueType::duration);

  /** What {@link #CADENCE} gives for {@code never}: an interval no clock reaches. */
  public static final Duration NEVER = ChronoUnit.FOREVER.getDuration();

  /** How often something recurs: a duration, {@code 0s} for every time, or {@code never}. */
  public static final ValueType<Duration> CADENCE =
      new ValueType<>(
          "duration or never",
          "a duration such as 1d or 12h, 0s for every run, or never",
          ValueType::cadence);

  /**
   * Microseconds at most, as the API keeps them; a zone is required (docs/rapidpro-api.md pitfall
   * 9).
   */
  public static final ValueType<Instant> TIMESTAMP =
      new ValueType<>(
          "timestamp",
          "a timestamp with a zone such as 2026-01-31T00:00:00Z",
          text -> OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS));

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /** Parses {@code text} (stripped); throws whatever the parser throws. */
  public T parse(String text) {
    return parser.apply(text.strip());
  }

  private static int positiveInt(String text) {
    int value = Integer.parseInt(text);
    if (value < 1) {
      throw new IllegalArgumentException("not positive");
    }
    return value;
  }

  private static long count(String text) {
    long value = Long.parseLong(text);
    if (value < 0) {
      throw new IllegalArgumentException("negative");
    }
    return value;
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static Duration cadence(String text) {
    if (text.equalsIgnoreCase("never")) {
      return NEVER;
    }
    Duration every = duration(text);
    if (every.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return every;
  }

  /** Durations as people write them ({@code 90s}, {@code 10m}, {@code 1h}) or ISO-8601. */
  private static Duration duration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Duration.parse(text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
