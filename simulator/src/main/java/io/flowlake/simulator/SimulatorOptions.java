package io.flowlake.simulator;

/**
 * How a {@link SimulatorServer} behaves.
 *
 * @param port the port on 127.0.0.1; 0 picks a free one
 * @param token the API token clients must send ({@code Authorization: Token <token>})
 * @param latencyMs a delay before each answer, to model a remote server
 * @param requestsPerHour the throttle rate per scope, as RapidPro's 3600/hour (docs/rapidpro-api.md
 *     §4); 0 means unlimited
 * @param retryAfterHeader whether 429 answers carry {@code Retry-After} (the real server may omit
 *     it)
 */
public record SimulatorOptions(
    int port, String token, long latencyMs, int requestsPerHour, boolean retryAfterHeader) {
  public static final String DEFAULT_TOKEN = "flowlake-sim-token";

  public SimulatorOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the token must be non-empty and without spaces");
    }
    if (latencyMs < 0 || requestsPerHour < 0) {
      throw new IllegalArgumentException(
          "latency and requests per hour cannot be negative: "
              + latencyMs
              + ", "
              + requestsPerHour);
    }
  }

  /** A free port, the default token, no latency, no throttling, {@code Retry-After} sent. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(0, DEFAULT_TOKEN, 0, 0, true);
  }

  public SimulatorOptions withPort(int value) {
    return new SimulatorOptions(value, token, latencyMs, requestsPerHour, retryAfterHeader);
  }

  public SimulatorOptions withToken(String value) {
    return new SimulatorOptions(port, value, latencyMs, requestsPerHour, retryAfterHeader);
  }

  public SimulatorOptions withLatencyMs(long value) {
    return new SimulatorOptions(port, token, value, requestsPerHour, retryAfterHeader);
  }

  public SimulatorOptions withRequestsPerHour(int value) {
    return new SimulatorOptions(port, token, latencyMs, value, retryAfterHeader);
  }

  public SimulatorOptions withRetryAfterHeader(boolean value) {
    return new SimulatorOptions(port, token, latencyMs, requestsPerHour, value);
  }

  /** No token, in messages and logs. */
  @Override
  public String toString() {
    return "SimulatorOptions[port="
        + port
        + ", latencyMs="
        + latencyMs
        + ", requestsPerHour="
        + requestsPerHour
        + ", retryAfterHeader="
        + retryAfterHeader
        + "]";
  }
}
