package io.flowlake.simulator;

/**
 * A run's internal status, as {@code flows_flowrun.status} stores it. The runs API only shows the
 * exit type, and shows both ongoing statuses as {@code exit_type: null} (docs/rapidpro-api.md
 * §2.2); {@code flows.json} counts all six apart.
 */
public enum RunStatus {
  ACTIVE("active", null),
  WAITING("waiting", null),
  COMPLETED("completed", "completed"),
  INTERRUPTED("interrupted", "interrupted"),
  EXPIRED("expired", "expired"),
  FAILED("failed", "failed");

  private static final RunStatus[] BY_ORDINAL = values();

  private final String countKey;
  private final String exitType;

  RunStatus(String countKey, String exitType) {
    this.countKey = countKey;
    this.exitType = exitType;
  }

  /** The key of this status in the {@code runs} object of {@code /api/v2/flows.json}. */
  public String countKey() {
    return countKey;
  }

  /** What the runs API shows as {@code exit_type}; null while the run is active or waiting. */
  public String exitType() {
    return exitType;
  }

  public boolean isOngoing() {
    return exitType == null;
  }

  static RunStatus ofOrdinal(int ordinal) {
    return BY_ORDINAL[ordinal];
  }
}
