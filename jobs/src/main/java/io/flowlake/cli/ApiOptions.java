package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ConfigException;
import io.flowlake.source.SourceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  @Option(
      names = "--api",
      required = true,
      paramLabel = "URL",
      description = "RapidPro / TextIt base URL, e.g. https://textit.com or http://127.0.0.1:8000.")
  String api;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the API token (default: the RAPIDPRO_TOKEN environment variable).")
  Path tokenFile;

  @Option(
      names = "--token",
      hidden = true,
      description = "Refused: a token on the command line shows in ps and shell history.")
  String tokenOnCommandLine;

  @Option(
      names = "--requests-per-hour",
      paramLabel = "N",
      defaultValue = "3600",
      description =
          "The workspace's runs request budget; never exceeded (default: ${DEFAULT-VALUE}).")
  int requestsPerHour;

  @Option(
      names = "--retry-after-fallback",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Wait after a 429 that has no Retry-After header (default: ${DEFAULT-VALUE}).")
  Duration retryAfterFallback;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Attempts per request on 5xx, timeouts and broken answers (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(
      names = "--allow-insecure-http",
      description =
          "Allow plain http:// to a host other than loopback (sends the token unencrypted).")
  boolean allowInsecureHttp;

  /** Validates everything before any Spark work starts; the client configuration. */
  ApiConfig config() {
    if (tokenOnCommandLine != null) {
      throw new ConfigException(
          "--token is not accepted (it would show in ps and shell history): set RAPIDPRO_TOKEN or use --token-file");
    }
    return ApiConfig.builder(api)
        .token(token())
        .requestsPerHour(requestsPerHour)
        .retryAfterFallback(retryAfterFallback)
        .maxAttempts(maxAttempts)
        .allowInsecureHttp(allowInsecureHttp)
        .build();
  }

  /** The {@code rapidpro} source's read options for a validated configuration. */
  public static Map<String, String> sourceOptions(ApiConfig config) {
    Map<String, String> options = new HashMap<>();
    options.put(SourceOptions.API, config.api().toString());
    options.put(SourceOptions.TOKEN, config.token());
    options.put(SourceOptions.REQUESTS_PER_HOUR, Integer.toString(config.requestsPerHour()));
    options.put(
        SourceOptions.RETRY_AFTER_FALLBACK_SECONDS,
        Long.toString(Math.max(1, config.retryAfterFallback().toSeconds())));
    options.put(SourceOptions.MAX_ATTEMPTS, Integer.toString(config.maxAttempts()));
    options.put(SourceOptions.ALLOW_INSECURE_HTTP, Boolean.toString(config.allowInsecureHttp()));
    return options;
  }

  private String token() {
    if (tokenFile != null) {
      try {
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
          throw new ConfigException("the token file " + tokenFile + " is empty");
        }
        return token;
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read the token file " + tokenFile + ": " + e.getMessage());
      }
    }
    String token = System.getenv(SourceOptions.TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new ConfigException(
          "no API token: set " + SourceOptions.TOKEN_ENV + " or give --token-file FILE");
    }
    return token.strip();
  }
}
