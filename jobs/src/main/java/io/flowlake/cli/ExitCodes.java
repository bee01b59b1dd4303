package io.flowlake.cli;

import io.flowlake.ops.RunOutcome;
import io.flowlake.ops.StopRequest;

/**
 * flowlake's exit codes, the contract with cron, Airflow and shell scripts (README: Exit codes).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  /** Written, but more records rejected than --max-rejects allows: look at the rejects table. */
  public static final int PARTIAL = 3;

  /** Another live run holds the lake's lock: this run did nothing; try again later. */
  public static final int LOCKED = 4;

  /**
   * The pull found nothing new (the marts left as they were, nothing having changed): not a
   * failure.
   */
  public static final int NOTHING_NEW = 5;

  static int of(RunOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> OK;
      case NOTHING_NEW -> NOTHING_NEW;
      case PARTIAL -> PARTIAL;
      case LOCKED -> LOCKED;
      case FAILURE -> FAILURE;
      case INTERRUPTED -> StopRequest.exitCode();
    };
  }

  private ExitCodes() {}
}
