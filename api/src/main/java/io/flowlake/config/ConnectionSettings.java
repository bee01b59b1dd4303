package io.flowlake.config;

import java.time.Duration;

/**
 * How to reach a RapidPro / TextIt server and how patiently: the options the CLI's API commands and
 * both Spark sources share. {@code ApiConfig} takes its defaults from here.
 */
public final class ConnectionSettings {

  /** Where the token comes from when neither {@link #TOKEN} nor {@link #TOKEN_FILE} is given. */
  public static final String TOKEN_ENV = "RAPIDPRO_TOKEN";

  public static final Setting<String> API =
      Setting.computed(
          "api",
          ValueType.TEXT,
          Setting.REQUIRED,
          "RapidPro / TextIt base URL, e.g. https://textit.com or http://127.0.0.1:8000.");

  /** Read option only: on the command line it would show in ps and shell history. */
  public static final Setting<String> TOKEN =
      Setting.computed(
          "token",
          ValueType.TEXT,
          "$" + TOKEN_ENV,
          "The API token (read option only; never a flag or a config file key).");

  public static final Setting<String> TOKEN_FILE =
      Setting.computed("tokenFile", ValueType.PATH, "$" + TOKEN_ENV, "File holding the API token.");

  /** RapidPro's default {@code v2.runs} rate since Nov 2025 (was 2500/hour before). */
  public static final Setting<Integer> REQUESTS_PER_HOUR =
      Setting.of(
          "requestsPerHour",
          ValueType.POSITIVE_INT,
          "3600",
          "The workspace's runs request budget; requests are paced to it, never exceeded.");

  public static final Setting<Duration> RETRY_AFTER_FALLBACK =
      Setting.of(
          "retryAfterFallback",
          ValueType.DURATION,
          "60s",
          "Wait after a 429 that has no Retry-After header.");

  public static final Setting<Integer> MAX_ATTEMPTS =
      Setting.of(
          "maxAttempts",
          ValueType.POSITIVE_INT,
          "5",
          "Attempts per request on 5xx, timeouts and broken answers (capped exponential backoff).");

  public static final Setting<Duration> BACKOFF_BASE =
      Setting.of(
          "backoffBase",
          ValueType.DURATION,
          "1s",
          "First backoff ceiling between attempts, doubled per failed attempt up to 60s.");

  public static final Setting<Boolean> ALLOW_INSECURE_HTTP =
      Setting.of(
          "allowInsecureHttp",
          ValueType.BOOLEAN,
          "false",
          "Allow plain http:// to a host other than loopback (sends the token unencrypted).");

  private ConnectionSettings() {}
}
