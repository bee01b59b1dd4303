package io.flowlake.source;

import java.time.Duration;

/**
 * How many requests a read must keep in flight to spend its whole budget. A window's cursor sends
 * its next request only once the last one is answered, so at {@code rate} requests a second and
 * {@code latency} per answer, {@code rate × latency} cursors keep the budget busy; more add nothing
 * but windows, each costing a partial last page. At RapidPro's default 1 request/s and a fast
 * server one cursor is enough.
 *
 * @param requestsPerHour the read's whole budget
 * @param latency the answer time measured on the planning requests, budget waits excluded
 */
record BudgetPace(int requestsPerHour, Duration latency) {

  /**
   * Slack over {@code rate × latency}: between an answer and its next request a cursor parses the
   * page and waits for its slot in the shared budget, and latency varies from page to page.
   */
  static final double HEADROOM = 1.25;

  /** Cursors that keep the budget busy: at least one, at most {@code parallelism}. */
  int requestsInFlight(int parallelism) {
    double needed = requestsPerHour / 3600.0 * (latency.toNanos() / 1e9) * HEADROOM;
    return (int) Math.max(1, Math.min(Math.max(1, parallelism), Math.ceil(needed)));
  }
}
