package io.flowlake.source;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.RunsQuery;
import io.flowlake.config.ConfigException;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.OptionRegistry;
import io.flowlake.config.ReadSettings;
import io.flowlake.config.TokenSource;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The read options of the {@code rapidpro} source ({@link OptionRegistry#RAPIDPRO_SOURCE}), parsed
 * once on the driver into the small serializable state that travels to executors. Keys, types and
 * defaults are the registry's; an unknown key and a bad value are refused here with one line. The
 * token is resolved by {@link TokenSource}; Spark redacts option keys containing "token" in plans,
 * and nothing here prints it.
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

  /**
   * @param raw the read options as given; keys match case-insensitively
   * @param now the read's start, the default {@code before} (T0)
   * @throws ConfigException naming an unknown option or quoting a bad value
   */
  static SourceOptions parse(Map<String, String> raw, Instant now) {
    OptionRegistry.refuseUnknown(
        raw, OptionRegistry.RAPIDPRO_SOURCE, RapidProTableProvider.SHORT_NAME);
    Instant before =
        ReadSettings.BEFORE.isIn(raw)
            ? ReadSettings.BEFORE.from(raw)
            : now.truncatedTo(ChronoUnit.MICROS);
    Instant after = ReadSettings.AFTER.from(raw);
    if (after != null && after.isAfter(before)) {
      throw new ConfigException(
          "option 'after' (" + after + ") is later than 'before' (" + before + ")");
    }
    return new SourceOptions(
        connection(raw),
        after,
        before,
        ReadSettings.FLOW.from(raw),
        ReadSettings.CONTACT.from(raw),
        ReadSettings.UUID.from(raw),
        ReadSettings.RESPONDED_ONLY.from(raw),
        ReadSettings.PULL_ID.from(raw));
  }

  /** The connection options both sources share, as a validated client configuration. */
  public static ApiConfig connection(Map<String, String> raw) {
    String api = ConnectionSettings.API.from(raw);
    if (api == null || api.isBlank()) {
      throw new ConfigException(
          "option 'api' is missing: give the RapidPro base URL, e.g. https://textit.com");
    }
    String token =
        TokenSource.resolve(
            ConnectionSettings.TOKEN.from(raw),
            ConnectionSettings.TOKEN_FILE.from(raw),
            System.getenv(ConnectionSettings.TOKEN_ENV));
    return ApiConfig.builder(api)
        .token(token)
        .requestsPerHour(ConnectionSettings.REQUESTS_PER_HOUR.from(raw))
        .retryAfterFallback(ConnectionSettings.RETRY_AFTER_FALLBACK.from(raw))
        .maxAttempts(ConnectionSettings.MAX_ATTEMPTS.from(raw))
        .backoffBase(ConnectionSettings.BACKOFF_BASE.from(raw))
        .allowInsecureHttp(ConnectionSettings.ALLOW_INSECURE_HTTP.from(raw))
        .build();
  }

  /** The API query for one window of this read. */
  RunsQuery query(Instant windowAfter, Instant windowBefore, boolean paths) {
    return new RunsQuery(windowAfter, windowBefore, paths, flow, contact, uuid, respondedOnly);
  }

  @Override
  public String toString() {
    return "SourceOptions[api=" + api.api() + ", after=" + after + ", before=" + before + "]";
  }
}
