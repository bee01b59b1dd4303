package io.flowlake.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

/**
 * Decides what follows a GET that did not yield a page: wait and send it again, or give up with an
 * exception a person can act on. Exception messages name the URL or host, never the token.
 */
public final class RetryPolicy {

  private final ApiConfig config;
  private final Random jitter;
  private final Clock clock;
  private final FailureReasons reasons;

  public RetryPolicy(ApiConfig config, Random jitter) {
    this(config, jitter, Clock.systemUTC());
  }

  RetryPolicy(ApiConfig config, Random jitter, Clock clock) {
    this.config = config;
    this.jitter = jitter;
    this.clock = clock;
    this.reasons = new FailureReasons(config);
  }

  /**
   * One finished attempt of a GET that did not yield a page.
   *
   * @param uri the URL requested
   * @param answer the server's answer, or null when none arrived
   * @param failure why there is no usable answer (an {@code IOException}, or a {@link
   *     MalformedResponseException} for a body that is not the page), or null
   * @param failuresBefore earlier failed attempts of this GET; 429s do not count
   * @param throttlesBefore 429s received in a row just before this attempt
   */
  public record Attempt(
      URI uri, HttpAnswer answer, Exception failure, int failuresBefore, int throttlesBefore) {

    int status() {
      return answer == null ? 0 : answer.status();
    }
  }

  /**
   * Either wait {@code delay} and send the request again ({@code throttled} when the wait is the
   * server's 429), or give up by throwing {@code failure}.
   */
  public record Decision(Duration delay, boolean throttled, ApiException failure) {

    static Decision retryAfter(Duration delay, boolean throttled) {
      return new Decision(delay, throttled, null);
    }

    static Decision giveUp(ApiException failure) {
      return new Decision(Duration.ZERO, false, failure);
    }

    public boolean retry() {
      return failure == null;
    }
  }

  /** The first rule that matches decides. */
  public Decision decide(Attempt attempt) {
    int status = attempt.status();
    // No usable answer (timeout, reset, refused, HTML or truncated body): such trouble passes.
    if (attempt.failure() != null) {
      return backoff(attempt, reasons.describe(attempt.failure()));
    }
    // The workspace's budget is spent: wait as told; this is not a failure (docs/rapidpro-api.md
    // §4).
    if (status == 429) {
      return throttled(attempt);
    }
    // A bad token stays bad; RapidPro says so with 403, not 401 (docs/rapidpro-api.md pitfall 13).
    if (status == 401 || status == 403) {
      return Decision.giveUp(reasons.tokenRejected(attempt));
    }
    // We follow no redirects: the token must not travel to an address nobody checked.
    if (status >= 300 && status < 400) {
      return Decision.giveUp(reasons.redirected(attempt));
    }
    // The request itself is wrong (bad filter, invalid cursor): the same request fails again.
    if (status >= 400 && status < 500) {
      return Decision.giveUp(reasons.refused(attempt));
    }
    // The server is in trouble, which usually passes.
    if (status >= 500) {
      return backoff(attempt, "HTTP " + status);
    }
    // Anything else (a 1xx, say) is no answer we understand.
    return Decision.giveUp(reasons.refused(attempt));
  }

  /**
   * The largest backoff after the {@code failures}-th failure: {@code min(cap, base * 2^(n-1))}.
   */
  Duration backoffCeiling(int failures) {
    double doubled = config.backoffBase().toNanos() * Math.pow(2, failures - 1);
    return Duration.ofNanos((long) Math.min(config.backoffCap().toNanos(), doubled));
  }

  /** The wait a 429 asks for: {@code Retry-After} as seconds or an HTTP-date, else the fallback. */
  Duration retryAfter(HttpAnswer answer) {
    Optional<String> header = answer.header("Retry-After").map(String::strip);
    if (header.isEmpty()) {
      // DRF sends none when its window is over-full (docs/rapidpro-api.md §4).
      return config.retryAfterFallback();
    }
    String value = header.get();
    try {
      if (value.matches("\\d{1,12}")) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration untilThen = Duration.between(clock.instant(), date.toInstant());
      return untilThen.isNegative() ? Duration.ZERO : untilThen;
    } catch (DateTimeParseException e) {
      return config.retryAfterFallback();
    }
  }

  // Full jitter: threads that failed together do not come back together.
  private Decision backoff(Attempt attempt, String reason) {
    int failures = attempt.failuresBefore() + 1;
    if (failures >= config.maxAttempts()) {
      return Decision.giveUp(reasons.unavailable(attempt, failures, reason));
    }
    long ceiling = backoffCeiling(failures).toNanos();
    return Decision.retryAfter(Duration.ofNanos((long) (ceiling * jitter.nextDouble())), false);
  }

  private Decision throttled(Attempt attempt) {
    int throttles = attempt.throttlesBefore() + 1;
    if (throttles > config.maxThrottleWaits()) {
      return Decision.giveUp(reasons.throttledTooOften(attempt, throttles));
    }
    return Decision.retryAfter(retryAfter(attempt.answer()), true);
  }
}
