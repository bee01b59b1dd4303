package io.flowlake.api;

import io.flowlake.config.ConfigException;
import io.flowlake.config.ConnectionSettings;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach one RapidPro / TextIt server and how patiently. Built and validated once, before any
 * work starts; immutable and serializable so it can travel to executors.
 *
 * <p>Defaults of the settings a user can give come from {@link ConnectionSettings}.
 *
 * @param api server address, e.g. {@code https://textit.com} (no trailing {@code /api/v2})
 * @param token API token, sent only in the {@code Authorization} header, never printed
 * @param requestsPerHour pace of requests; the workspace's whole budget is shared (pitfall 12)
 * @param retryAfterFallback wait after a 429 that has no usable {@code Retry-After}
 *     (docs/rapidpro-api.md §4)
 * @param maxAttempts attempts per request for 5xx, I/O errors and unreadable bodies
 * @param backoffBase first backoff ceiling, doubled per failed attempt
 * @param backoffCap largest backoff ceiling
 * @param requestTimeout connect and whole-response timeout of one request
 * @param allowInsecureHttp allow plain http to a host other than this machine
 * @param maxThrottleWaits consecutive 429s to wait out before giving up
 */
public record ApiConfig(
    URI api,
    String token,
    int requestsPerHour,
    Duration retryAfterFallback,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration requestTimeout,
    boolean allowInsecureHttp,
    int maxThrottleWaits)
    implements Serializable {

  // Not options of any surface, so declared here rather than in ConnectionSettings.
  private static final Duration BACKOFF_CAP = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** A burst can earn a Retry-After of up to an hour; 100 waits outlast any honest throttle. */
  private static final int MAX_THROTTLE_WAITS = 100;

  public ApiConfig {
    api = ApiAddress.normalize(api == null ? null : api.toString());
    token = checkedToken(token);
    if (api.getScheme().equals("http") && !allowInsecureHttp && !ApiAddress.isLoopback(api)) {
      throw new ConfigException(
          "--api '"
              + api
              + "' would send the token unencrypted; use https or pass --allow-insecure-http");
    }
    atLeast("requestsPerHour", requestsPerHour, 1);
    atLeast("maxAttempts", maxAttempts, 1);
    atLeast("maxThrottleWaits", maxThrottleWaits, 0);
    notNegative("retryAfterFallback", retryAfterFallback);
    notNegative("backoffBase", backoffBase);
    notNegative("backoffCap", backoffCap);
    notNegative("requestTimeout", requestTimeout);
    if (requestTimeout.isZero()) {
      throw new ConfigException("requestTimeout 0s must be positive, e.g. 60s");
    }
  }

  /** Starts a configuration for the server at {@code api}, with every other setting defaulted. */
  public static Builder builder(String api) {
    return new Builder(api);
  }

  /** Everything but the token, which shows as {@code ***}. */
  @Override
  public String toString() {
    return "ApiConfig[api="
        + api
        + ", token=***, requestsPerHour="
        + requestsPerHour
        + ", retryAfterFallback="
        + retryAfterFallback
        + ", maxAttempts="
        + maxAttempts
        + ", backoffBase="
        + backoffBase
        + ", backoffCap="
        + backoffCap
        + ", requestTimeout="
        + requestTimeout
        + ", allowInsecureHttp="
        + allowInsecureHttp
        + ", maxThrottleWaits="
        + maxThrottleWaits
        + "]";
  }

  // Token files usually end in a newline; anything else inside the token would corrupt the header.
  // The messages never quote the token itself.
  private static String checkedToken(String token) {
    if (token == null || token.isBlank()) {
      throw new ConfigException("no API token: set RAPIDPRO_TOKEN or --token-file");
    }
    String stripped = token.strip();
    if (!stripped.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new ConfigException(
          "the API token contains spaces or control characters: check RAPIDPRO_TOKEN or"
              + " --token-file");
    }
    return stripped;
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new ConfigException(name + " " + value + " must be at least " + min);
    }
  }

  private static void notNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new ConfigException(name + " " + value + " must be zero or more, e.g. 60s");
    }
  }

  /** Fluent construction of an {@link ApiConfig}; {@link #build()} validates everything at once. */
  public static final class Builder {

    private final String api;
    private String token;
    private int requestsPerHour = ConnectionSettings.REQUESTS_PER_HOUR.defaultValue();
    private Duration retryAfterFallback = ConnectionSettings.RETRY_AFTER_FALLBACK.defaultValue();
    private int maxAttempts = ConnectionSettings.MAX_ATTEMPTS.defaultValue();
    private Duration backoffBase = ConnectionSettings.BACKOFF_BASE.defaultValue();
    private Duration backoffCap = BACKOFF_CAP;
    private Duration requestTimeout = REQUEST_TIMEOUT;
    private boolean allowInsecureHttp = ConnectionSettings.ALLOW_INSECURE_HTTP.defaultValue();
    private int maxThrottleWaits = MAX_THROTTLE_WAITS;

    Builder(String api) {
      this.api = api;
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder requestsPerHour(int requestsPerHour) {
      this.requestsPerHour = requestsPerHour;
      return this;
    }

    public Builder retryAfterFallback(Duration retryAfterFallback) {
      this.retryAfterFallback = retryAfterFallback;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder backoffBase(Duration backoffBase) {
      this.backoffBase = backoffBase;
      return this;
    }

    public Builder backoffCap(Duration backoffCap) {
      this.backoffCap = backoffCap;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    public Builder maxThrottleWaits(int maxThrottleWaits) {
      this.maxThrottleWaits = maxThrottleWaits;
      return this;
    }

    /**
     * @throws ConfigException naming the first bad setting and what to do about it
     */
    public ApiConfig build() {
      URI address = ApiAddress.normalize(api);
      return new ApiConfig(
          address,
          token,
          requestsPerHour,
          retryAfterFallback,
          maxAttempts,
          backoffBase,
          backoffCap,
          requestTimeout,
          allowInsecureHttp,
          maxThrottleWaits);
    }
  }
}
