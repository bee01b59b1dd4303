package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  private static final URI URL =
      URI.create("https://textit.com/api/v2/runs.json?reverse=true&cursor=abc");
  private static final ApiConfig CONFIG =
      ApiConfig.builder("https://textit.com").token("secret-token-123").build();
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-10-21T07:27:30Z"), ZoneOffset.UTC);

  private final RetryPolicy policy = new RetryPolicy(CONFIG, new HalfRandom(), NOW);

  @Test
  void waitsTheRetryAfterSecondsOnA429WithoutCountingAFailure() {
    RetryPolicy.Decision decision = policy.decide(answered(429, "", 4, 0, "Retry-After", "120"));

    assertThat(decision.retry()).isTrue();
    assertThat(decision.throttled()).isTrue();
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void waitsUntilARetryAfterHttpDate() {
    RetryPolicy.Decision decision =
        policy.decide(answered(429, "", 0, 0, "retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"));

    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retriesAtOnceWhenTheRetryAfterDateHasPassed() {
    RetryPolicy.Decision decision =
        policy.decide(answered(429, "", 0, 0, "Retry-After", "Wed, 21 Oct 2026 07:00:00 GMT"));

    assertThat(decision.delay()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "1.5"})
  void fallsBackWhenRetryAfterIsUnusable(String value) {
    RetryPolicy.Decision decision = policy.decide(answered(429, "", 0, 0, "Retry-After", value));

    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void fallsBackWhenRetryAfterIsMissing() {
    assertThat(policy.decide(answered(429, "", 0, 0)).delay()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void givesUpAfterMaxThrottleWaitsConsecutive429s() {
    assertThat(policy.decide(answered(429, "", 0, 99)).retry()).isTrue();

    RetryPolicy.Decision decision = policy.decide(answered(429, "", 0, 100));

    assertThat(decision.failure())
        .isInstanceOf(ApiUnavailableException.class)
        .hasMessageStartingWith("GET " + URL + " was throttled (HTTP 429) 101 times in a row");
  }

  @Test
  void backoffCeilingDoublesFromTheBaseUpToTheCap() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 40).stream().map(policy::backoffCeiling))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(32),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
  }

  @Test
  void backoffIsTheCeilingScaledByTheJitter() {
    RetryPolicy.Decision decision = policy.decide(answered(503, "", 2, 0));

    assertThat(decision.throttled()).isFalse();
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitteredBackoffStaysWithinZeroAndTheCeiling() {
    ApiConfig config = ApiConfig.builder("https://textit.com").token("t").maxAttempts(1000).build();
    RetryPolicy seeded = new RetryPolicy(config, new Random(42), NOW);

    for (int failuresBefore = 0; failuresBefore < 500; failuresBefore++) {
      Duration delay = seeded.decide(answered(500, "", failuresBefore, 0)).delay();
      assertThat(delay)
          .isBetween(Duration.ZERO, seeded.backoffCeiling(failuresBefore + 1))
          .isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void givesUpAfterMaxAttemptsNamingTheLastReason() {
    assertThat(policy.decide(answered(502, "", 3, 0)).retry()).isTrue();

    RetryPolicy.Decision decision = policy.decide(answered(502, "", 4, 0));

    assertThat(decision.failure())
        .isInstanceOf(ApiUnavailableException.class)
        .hasMessage(
            "GET "
                + URL
                + " failed after 5 attempts: HTTP 502; check that textit.com is a RapidPro server"
                + " and reachable");
  }

  @Test
  void retriesTimeoutsAndMalformedBodies() {
    assertThat(policy.decide(failed(new HttpTimeoutException("request timed out"), 0)).retry())
        .isTrue();
    assertThat(policy.decide(failed(new MalformedResponseException("truncated"), 0)).retry())
        .isTrue();
    assertThat(policy.decide(failed(new IOException("Connection reset"), 0)).retry()).isTrue();
  }

  @Test
  void saysAnUnreachableHostIsUnreachable() {
    ConnectException unknownHost = new ConnectException();
    unknownHost.initCause(new UnresolvedAddressException());

    assertThat(policy.decide(failed(new ConnectException(), 4)).failure())
        .hasMessageContaining("failed after 5 attempts: connection refused;")
        .hasMessageEndingWith("textit.com is unreachable: check --api and that the server is up");
    assertThat(policy.decide(failed(unknownHost, 4)).failure())
        .hasMessageContaining(": unknown host;")
        .hasMessageContaining("textit.com is unreachable");
  }

  @Test
  void neverRetriesARejectedToken() {
    RetryPolicy.Decision decision =
        policy.decide(answered(403, "{\"detail\": \"Invalid token\"}", 0, 0));

    assertThat(decision.failure())
        .isInstanceOf(TokenRejectedException.class)
        .hasMessage(
            "token rejected by textit.com (HTTP 403 Invalid token): check RAPIDPRO_TOKEN or"
                + " --token-file");
    assertThat(policy.decide(answered(401, "", 0, 0)).failure())
        .isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void neverRetriesABadRequestAndQuotesTheServersReason() {
    String drfValidation = "[\"You may only specify one of the contact, flow parameters\"]";

    assertThat(policy.decide(answered(400, drfValidation, 0, 0)).failure())
        .isInstanceOf(ApiRequestException.class)
        .hasMessage(
            "GET "
                + URL
                + " answered HTTP 400: You may only specify one of the contact, flow parameters");
    assertThat(policy.decide(answered(404, "{\"detail\":\"Invalid cursor\"}", 0, 0)).failure())
        .hasMessage("GET " + URL + " answered HTTP 404: Invalid cursor");
    assertThat(policy.decide(answered(400, "{\"uuid\": [\"not a UUID\"]}", 0, 0)).failure())
        .hasMessageEndingWith("HTTP 400: uuid: not a UUID");
    assertThat(policy.decide(answered(410, "<html>gone</html>", 0, 0)).failure())
        .hasMessage("GET " + URL + " answered HTTP 410");
  }

  @Test
  void scrubsTheTokenFromDetailsTheServerEchoes() {
    String echo = "{\"detail\": \"header was Token secret-token-123\"}";

    assertThat(policy.decide(answered(400, echo, 0, 0)).failure())
        .hasMessageEndingWith("HTTP 400: header was Token ***");
  }

  @Test
  void refusesToFollowARedirect() {
    RetryPolicy.Decision decision =
        policy.decide(
            answered(301, "", 0, 0, "Location", "https://app.textit.com/api/v2/runs.json"));

    assertThat(decision.failure())
        .isInstanceOf(ApiRequestException.class)
        .hasMessageContaining("answered HTTP 301 redirecting to https://app.textit.com/")
        .hasMessageContaining("set --api to the final address");
  }

  private static RetryPolicy.Attempt answered(
      int status, String body, int failuresBefore, int throttlesBefore, String... headers) {
    Map<String, List<String>> map =
        headers.length == 0 ? Map.of() : Map.of(headers[0], List.of(headers[1]));
    HttpAnswer answer = new HttpAnswer(status, map, body.getBytes(StandardCharsets.UTF_8));
    return new RetryPolicy.Attempt(URL, answer, null, failuresBefore, throttlesBefore);
  }

  private static RetryPolicy.Attempt failed(Exception failure, int failuresBefore) {
    return new RetryPolicy.Attempt(URL, null, failure, failuresBefore, 0);
  }

  /** Jitter pinned to the middle, so expected delays are exact. */
  static final class HalfRandom extends Random {
    @Override
    public double nextDouble() {
      return 0.5;
    }
  }
}
