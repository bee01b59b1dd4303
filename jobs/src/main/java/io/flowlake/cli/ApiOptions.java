package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConfigException;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.TokenSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach the workspace. The token is read from {@code RAPIDPRO_TOKEN} or {@code
 * --token-file}, never from the command line, where {@code ps} and shell history would show it.
 */
public final class ApiOptions {

  @Option(names = "--api", required = true, paramLabel = "URL")
  String api;

  @Option(names = "--token-file", paramLabel = "FILE")
  Path tokenFile;

  @Option(
      names = "--token",
      hidden = true,
      description = "Refused: a token on the command line shows in ps and shell history.")
  String tokenOnCommandLine;

  @Option(names = "--requests-per-hour", paramLabel = "N")
  int requestsPerHour;

  @Option(
      names = "--retry-after-fallback",
      paramLabel = "DURATION",
      converter = DurationConverter.class)
  Duration retryAfterFallback;

  @Option(names = "--max-attempts", paramLabel = "N")
  int maxAttempts;

  @Option(names = "--allow-insecure-http")
  boolean allowInsecureHttp;

  /** Validates everything before any Spark work starts; the client configuration. */
  ApiConfig config() {
    if (tokenOnCommandLine != null) {
      throw new ConfigException(
          "--token is not accepted (it would show in ps and shell history): set RAPIDPRO_TOKEN or use --token-file");
    }
    String token =
        TokenSource.resolve(
            null,
            tokenFile == null ? null : tokenFile.toString(),
            System.getenv(ConnectionSettings.TOKEN_ENV));
    return ApiConfig.builder(api)
        .token(token)
        .requestsPerHour(requestsPerHour)
        .retryAfterFallback(retryAfterFallback)
        .maxAttempts(maxAttempts)
        .allowInsecureHttp(allowInsecureHttp)
        .build();
  }

  /** The {@code rapidpro} source's read options for a validated configuration. */
  public static Map<String, String> sourceOptions(ApiConfig config) {
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), config.api().toString());
    options.put(ConnectionSettings.TOKEN.key(), config.token());
    options.put(
        ConnectionSettings.REQUESTS_PER_HOUR.key(), Integer.toString(config.requestsPerHour()));
    options.put(
        ConnectionSettings.RETRY_AFTER_FALLBACK.key(), config.retryAfterFallback().toString());
    options.put(ConnectionSettings.MAX_ATTEMPTS.key(), Integer.toString(config.maxAttempts()));
    options.put(
        ConnectionSettings.ALLOW_INSECURE_HTTP.key(), Boolean.toString(config.allowInsecureHttp()));
    return options;
  }
}
