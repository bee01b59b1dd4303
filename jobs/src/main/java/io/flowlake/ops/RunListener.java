package io.flowlake.ops;

import io.flowlake.lake.PullRecord;
import io.flowlake.models.TransformResult;
import io.flowlake.pull.BackfillRecord;
import io.flowlake.pull.PullStage;

/**
 * What a run tells as it goes, in this order; the command line prints it. Every method does nothing
 * unless overridden.
 */
public interface RunListener {

  /** The lake's lock was held by a dead run, whose lock this run took over. */
  default void lockTakenOver(LockHolder dead) {}

  default void backfilled(BackfillRecord backfill) {}

  /** Sees the pull's stages; the pull paces to {@code requestsPerHour}. */
  default PullStage.Listener pullProgress(int requestsPerHour) {
    return PullStage.Listener.NONE;
  }

  default void pulled(PullRecord pull) {}

  default void transformed(TransformResult marts) {}

  /**
   * The vacuum was due ({@link VacuumPolicy}): the lake's tables were purged and vacuumed to {@code
   * retention}, those unchanged since the last vacuum skipped.
   */
  default void vacuumed(io.flowlake.lake.VacuumResult vacuum, java.time.Duration retention) {}

  /**
   * The pull rejected more records than the run allows: the run ends {@link RunOutcome#PARTIAL}.
   */
  default void tooManyRejects(long rejects, long maxRejects) {}

  /**
   * The pull's watermark did not move and no contact was erased: the run ends {@link
   * RunOutcome#NOTHING_NEW}; {@code watermark} is the newest {@code modified_on} the lake holds.
   */
  default void nothingNew(java.time.Instant watermark) {}

  /** The report could not be stored; the run's outcome and exit code stand. */
  default void reportNotStored(RuntimeException e) {}

  /** The run ended, however it ended; {@code report} is final (and stored unless told above). */
  default void finished(RunReport report) {}
}
