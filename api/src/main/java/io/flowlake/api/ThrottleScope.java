package io.flowlake.api;

/**
 * RapidPro's throttle scopes (docs/rapidpro-api.md §4): each is a separate budget of requests per
 * hour and workspace, so reading contacts does not slow down reading runs. Each defaults to
 * 3600/hour since Nov 2025 (2500/hour before); a workspace may have its own rates.
 */
public enum ThrottleScope {
  /** Every endpoint without a scope of its own: flows, archives, fields, groups. */
  DEFAULT("v2"),
  CONTACTS("v2.contacts"),
  RUNS("v2.runs");

  /** RapidPro's default rate of every scope. */
  public static final int DEFAULT_REQUESTS_PER_HOUR = 3600;

  private final String key;

  ThrottleScope(String key) {
    this.key = key;
  }

  /** The scope's name on the server, e.g. {@code v2.contacts}. */
  public String key() {
    return key;
  }
}
