package io.flowlake.ops;

/**
 * The exit code each ending of a run gives its process. The command line owns the codes (README,
 * "Exit codes"); a run's report records the one its process will really exit with.
 */
public interface RunExitCodes {

  /** The code of a run that ended with {@code outcome}. */
  int of(RunOutcome outcome);

  /** The code of a run that failed with {@code failure}. */
  int of(Throwable failure);

  /** The one line naming {@code failure} that the report keeps. */
  String message(Throwable failure);
}
