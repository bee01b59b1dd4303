package io.flowlake.lake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the last vacuum of one table left behind, enough to tell whether the next can skip it.
 *
 * <p>VACUUM deletes the files no current version references that were removed (or, untracked,
 * written) before its cutoff, its start minus the retention. A vacuum whose cutoff came after the
 * table's last change (every removal) therefore left nothing unreferenced behind; while no commit
 * follows it, the next vacuum would find nothing to delete either.
 *
 * @param version the table's latest version after the vacuum (its own VACUUM commits included)
 * @param changedAt when the last commit before the vacuum that was not itself a vacuum's was made
 * @param cutoff the vacuum's start minus its retention (no later than Delta's own cutoff)
 * @param retention the retention that vacuum used
 */
public record VacuumMark(long version, Instant changedAt, Instant cutoff, Duration retention) {

  public VacuumMark {
    Objects.requireNonNull(changedAt, "changedAt");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(retention, "retention");
  }

  /**
   * Whether a vacuum to {@code retention} of the table, now at {@code latestVersion}, can be
   * skipped: nothing committed since this mark, the last change before the cutoff, and a retention
   * not shorter than then. When in doubt, it cannot.
   */
  public boolean allowsSkip(long latestVersion, Duration retentionNow) {
    return latestVersion == version
        && !changedAt.isAfter(cutoff)
        && retentionNow.compareTo(retention) >= 0;
  }
}
