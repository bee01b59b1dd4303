package io.flowlake.ops;

/** How a scheduled run ended; each outcome has its own exit code (README, "Exit codes"). */
public enum RunOutcome {
  /** Runs were merged and the marts brought up to date. */
  SUCCESS("success"),
  /**
   * The pull found no run modified since the last one; the marts recompute only what changed,
   * usually nothing.
   */
  NOTHING_NEW("nothing_new"),
  /** Everything was written, but more records were rejected than --max-rejects allows. */
  PARTIAL("partial"),
  /** Another live run holds the lake's lock; this one did nothing. */
  LOCKED("locked"),
  /** The run stopped on an error; the lake keeps what it had. */
  FAILURE("failure"),
  /** SIGINT or SIGTERM stopped the run; the lake keeps what it had ({@link StopRequest}). */
  INTERRUPTED("interrupted");

  private final String id;

  RunOutcome(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
