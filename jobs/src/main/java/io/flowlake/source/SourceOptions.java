package io.flowlake.source;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ConfigException;
import io.flowlake.api.RunsQuery;
import io.flowlake.api.Timestamps;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The read options of the {@code rapidpro} source, parsed once on the driver into the small
 * serializable state that travels to executors. Every option is a constant here with its default;
 * errors quote the bad value. The token is taken from the {@code token} option, else the file of
 * {@code tokenFile}, else the {@code RAPIDPRO_TOKEN} environment variable; Spark redacts option
 * keys containing "token" in plans, and nothing here prints it.
 */
public record SourceOptions(
    ApiConfig api,
    Instant after,
    Instant before,
    String flow,
    String contact,
    String uuid,
    boolean respondedOnly,
    String pullId)
    implements Serializable {

  public static final String API = "api";
  public static final String TOKEN = "token";
  public static final String TOKEN_FILE = "tokenFile";
  public static final String TOKEN_ENV = "RAPIDPRO_TOKEN";
  public static final String REQUESTS_PER_HOUR = "requestsPerHour";
  public static final String AFTER = "after";
  public static final String BEFORE = "before";
  public static final String FLOW = "flow";
  public static final String CONTACT = "contact";
  public static final String UUID = "uuid";
  public static final String RESPONDED_ONLY = "respondedOnly";
  public static final String ALLOW_INSECURE_HTTP = "allowInsecureHttp";
  public static final String RETRY_AFTER_FALLBACK_SECONDS = "retryAfterFallbackSeconds";
  public static final String MAX_ATTEMPTS = "maxAttempts";
  public static final String BACKOFF_BASE_MILLIS = "backoffBaseMillis";

  /** Ties the read's counters to the pull that asked for it (see {@link SourceMetrics}). */
  public static final String PULL_ID = "pullId";

  static SourceOptions parse(Map<String, String> raw, Instant now) {
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(raw);
    String api = options.get(API);
    if (api == null || api.isBlank()) {
      throw new ConfigException(
          "option 'api' is missing: give the RapidPro base URL, e.g. https://textit.com");
    }
    ApiConfig.Builder builder =
        ApiConfig.builder(api)
            .token(token(options))
            .allowInsecureHttp(options.getBoolean(ALLOW_INSECURE_HTTP, false));
    if (options.containsKey(REQUESTS_PER_HOUR)) {
      builder.requestsPerHour(positiveInt(options, REQUESTS_PER_HOUR));
    }
    if (options.containsKey(RETRY_AFTER_FALLBACK_SECONDS)) {
      builder.retryAfterFallback(
          Duration.ofSeconds(positiveInt(options, RETRY_AFTER_FALLBACK_SECONDS)));
    }
    if (options.containsKey(MAX_ATTEMPTS)) {
      builder.maxAttempts(positiveInt(options, MAX_ATTEMPTS));
    }
    if (options.containsKey(BACKOFF_BASE_MILLIS)) {
      builder.backoffBase(Duration.ofMillis(positiveInt(options, BACKOFF_BASE_MILLIS)));
    }
    Instant before =
        options.containsKey(BEFORE)
            ? timestamp(options, BEFORE)
            : now.truncatedTo(ChronoUnit.MICROS);
    Instant after = options.containsKey(AFTER) ? timestamp(options, AFTER) : null;
    if (after != null && after.isAfter(before)) {
      throw new ConfigException(
          "option 'after' (" + after + ") is later than 'before' (" + before + ")");
    }
    return new SourceOptions(
        builder.build(),
        after,
        before,
        options.get(FLOW),
        options.get(CONTACT),
        options.get(UUID),
        options.getBoolean(RESPONDED_ONLY, false),
        options.get(PULL_ID));
  }

  /** The API query for one window of this read. */
  RunsQuery query(Instant windowAfter, Instant windowBefore, boolean paths) {
    return new RunsQuery(windowAfter, windowBefore, paths, flow, contact, uuid, respondedOnly);
  }

  private static String token(CaseInsensitiveStringMap options) {
    String token = options.get(TOKEN);
    if (token == null && options.containsKey(TOKEN_FILE)) {
      Path file = Path.of(options.get(TOKEN_FILE));
      try {
        token = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("cannot read the token file " + file + ": " + e.getMessage());
      }
    }
    if (token == null) {
      token = System.getenv(TOKEN_ENV);
    }
    if (token == null || token.isBlank()) {
      throw new ConfigException(
          "no API token: set "
              + TOKEN_ENV
              + " or give a token file (--token-file / option tokenFile)");
    }
    return token;
  }

  static int positiveInt(CaseInsensitiveStringMap options, String key) {
    String value = options.get(key);
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new ConfigException(
        "option '" + key + "' must be a positive whole number, got '" + value + "'");
  }

  private static Instant timestamp(CaseInsensitiveStringMap options, String key) {
    String value = options.get(key);
    try {
      return Timestamps.parse(value.strip()).truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          "option '"
              + key
              + "' is not a timestamp: '"
              + value
              + "' (use e.g. 2026-01-31T00:00:00Z)");
    }
  }

  @Override
  public String toString() {
    return "SourceOptions[api=" + api.api() + ", after=" + after + ", before=" + before + "]";
  }
}
