package io.flowlake.api;

/**
 * Permission to send one request. RapidPro's rate limit is shared by the whole workspace (API.md
 * §4, pitfall 12), so every request, retries included, asks first.
 */
public interface RequestBudget {

  /** Blocks until the next request may be sent. */
  void acquire() throws InterruptedException;
}
