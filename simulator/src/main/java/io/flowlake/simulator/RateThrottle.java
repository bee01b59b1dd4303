package io.flowlake.simulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * DRF's {@code SimpleRateThrottle} for one scope of one workspace (docs/rapidpro-api.md §4): the
 * timestamps of allowed requests in a rolling window of 3600 s; refused requests are not counted.
 */
final class RateThrottle {
  private static final double DURATION = 3600;

  private final int limit;
  private final Clock clock;
  private final Deque<Double> history = new ArrayDeque<>(); // newest first, as DRF keeps it

  /** {@code limit} requests per hour; 0 or less never throttles. */
  RateThrottle(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /**
   * Null when the request is allowed; otherwise DRF's {@code wait()} (which may itself be null).
   */
  synchronized Refusal check() {
    if (limit <= 0) {
      return null;
    }
    double now = clock.millis() / 1000.0;
    while (!history.isEmpty() && history.peekLast() <= now - DURATION) {
      history.pollLast();
    }
    if (history.size() >= limit) {
      return new Refusal(waitSeconds(now));
    }
    history.addFirst(now);
    return null;
  }

  /** {@code (duration - (now - oldest)) / (limit - len(history) + 1)}; null when that is <= 0. */
  private Double waitSeconds(double now) {
    double remaining = history.isEmpty() ? DURATION : DURATION - (now - history.peekLast());
    int available = limit - history.size() + 1;
    return available <= 0 ? null : remaining / available;
  }

  /** A refused request; {@code waitSeconds} null means DRF sends no {@code Retry-After}. */
  record Refusal(Double waitSeconds) {
    /** DRF's {@code Throttled} exception as the exception handler renders it. */
    ApiResponse response(boolean retryAfterHeader) {
      if (waitSeconds == null) {
        return ApiResponse.detail(429, "Request was throttled.");
      }
      long seconds = (long) Math.ceil(waitSeconds);
      ApiResponse answer =
          ApiResponse.detail(
              429,
              "Request was throttled. Expected available in "
                  + seconds
                  + (seconds == 1 ? " second." : " seconds."));
      return retryAfterHeader && seconds != 0
          ? answer.withHeader("Retry-After", Long.toString(seconds))
          : answer;
    }
  }
}
