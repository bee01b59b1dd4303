package io.flowlake.api;

import java.time.Duration;

/**
 * Permission to send one request. RapidPro's rate limit is shared by the whole workspace
 * (docs/rapidpro-api.md §4, pitfall 12), so every request, retries included, asks first.
 */
public interface RequestBudget {

  /** Blocks until the next request may be sent. */
  void acquire() throws InterruptedException;

  /**
   * The server answered 429: the workspace's budget is spent (by us or another client), so no
   * request of anyone sharing this budget may go before {@code wait} has passed, not only the
   * thread that was refused. The default does nothing (a budget of one thread need not).
   */
  default void holdOff(Duration wait) {}
}
