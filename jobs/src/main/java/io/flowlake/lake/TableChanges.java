package io.flowlake.lake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What changed in a table since its last vacuum ({@link VacuumMark}), read from its {@code
 * _delta_log} and a listing of its files: no snapshot, no Spark job.
 */
final class TableChanges {

  /** The commits a VACUUM makes itself: they remove no file, so they are no change to vacuum. */
  private static final Set<String> VACUUM_COMMITS = Set.of("VACUUM START", "VACUUM END");

  private final DeltaLogFiles log;
  private final Configuration conf;

  TableChanges(Configuration conf) {
    this.log = new DeltaLogFiles(conf);
    this.conf = conf;
  }

  /**
   * Whether a vacuum to the mark's terms would find nothing to delete in the table now at {@code
   * latest}: the mark allows it, and no file was written since its cutoff (a write that never
   * committed leaves untracked files, which VACUUM deletes too).
   */
  boolean nothingToDelete(String table, long latest, VacuumMark mark, Duration retention) {
    return mark != null
        && mark.allowsSkip(latest, retention)
        && !writtenAfter(table, mark.cutoff());
  }

  /**
   * When the table, now at {@code latest}, last changed: the latest commit not a vacuum's own, or
   * the mark's time once the walk back reaches the mark's version. A commit gone from the log (log
   * cleanup) stops the walk at the oldest time still read, which is no earlier than the change;
   * {@code fallback} when even the latest commit has no time.
   */
  Instant lastChange(String table, long latest, VacuumMark mark, Instant fallback) {
    Instant bound = log.commitTime(table, latest).orElse(fallback);
    for (long version = latest; version >= 0; version--) {
      if (mark != null && version == mark.version()) {
        return mark.changedAt();
      }
      Optional<String> operation = log.commitOperation(table, version);
      Optional<Instant> time = log.commitTime(table, version);
      if (operation.isEmpty() || time.isEmpty()) {
        return bound;
      }
      if (!VACUUM_COMMITS.contains(operation.get())) {
        return time.get();
      }
      bound = time.get();
    }
    return bound;
  }

  /** Whether any file of the table outside its log was modified after {@code cutoff}. */
  private boolean writtenAfter(String table, Instant cutoff) {
    long cutoffMillis = cutoff.toEpochMilli();
    try (Stream<FileStatus> files =
        TableFiles.under(new Path(table), conf, folder -> !folder.equals("_delta_log"))) {
      return files.anyMatch(file -> file.getModificationTime() > cutoffMillis);
    }
  }
}
