package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * Makes erasure physical with Delta's own tools, for every Delta table of the lake (its tables and
 * its marts): {@code REORG TABLE ... APPLY (PURGE)} rewrites the files whose rows were deleted
 * through deletion vectors, then {@code VACUUM} removes every file no version newer than the
 * retention needs. After it, time travel reaches back only as far as the retention.
 *
 * <p>Delta refuses a retention under its 7-day safety margin, since a reader or writer still on an
 * older version would lose files under it; a shorter one turns that check off for this call only,
 * and is safe only when nothing else uses the lake (the lake's lock keeps flowlake's own writers
 * out).
 *
 * <p>What it costs follows what changed: a table whose protocol has no deletion vectors (every
 * table {@link ReaderFeatures} kept) has nothing to purge, and a table unchanged since a vacuum
 * that left nothing behind has nothing to vacuum ({@link VacuumMark}); each is told from its {@code
 * _delta_log}, where a purge or a vacuum costs a snapshot and Spark jobs even when it finds
 * nothing.
 */
public final class LakeVacuum {

  /** Delta's own default, and flowlake's: a week of time travel. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private static final String RETENTION_CHECK =
      "spark.databricks.delta.retentionDurationCheck.enabled";

  /**
   * VACUUM lists a table's files in a Spark job of this many tasks, 10,000 by default: sized for
   * tables of millions of files, it cost about 30 s per table of a small lake on 2 cores. A few
   * tasks per core keep a large table's listing parallel.
   */
  private static final String LISTING_PARALLELISM =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  /**
   * On a local disk or HDFS, Delta records each VACUUM as two commits of its own ({@code VACUUM
   * START}, {@code VACUUM END}); on S3 it never does. They delete nothing, yet each is a commit
   * (checksum, log cleanup, and every tenth a checkpoint) on every vacuumed table, and later
   * readers replay them. flowlake keeps what a vacuum did in its own state, so it turns them off
   * unless the session sets them.
   */
  private static final String VACUUM_COMMITS = "spark.databricks.delta.vacuum.logging.enabled";

  private final SparkSession spark;
  private final LakePaths paths;
  private final Clock clock;
  private final DeltaLogFiles log;
  private final TableChanges changes;

  /**
   * {@code clock} stamps each table's cutoff: it must not run ahead of the clock Delta's VACUUM
   * reads, or a table could be skipped with files still due.
   */
  public LakeVacuum(SparkSession spark, LakePaths paths, Clock clock) {
    this.spark = spark;
    this.paths = paths;
    this.clock = clock;
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    this.log = new DeltaLogFiles(conf);
    this.changes = new TableChanges(conf);
  }

  /**
   * Purges and vacuums each table that can have something to remove, given each table's mark from
   * the last vacuum ({@link VacuumState#marks()}): a table with no mark is vacuumed.
   */
  public VacuumResult vacuum(Duration retention, Map<String, VacuumMark> marks) {
    Map<String, Long> tables = tables();
    Map<String, VacuumMark> next = new LinkedHashMap<>();
    List<String> due = new ArrayList<>();
    int skipped = 0;
    for (Map.Entry<String, Long> table : tables.entrySet()) {
      VacuumMark mark = marks.get(key(table.getKey()));
      if (changes.nothingToDelete(table.getKey(), table.getValue(), mark, retention)) {
        next.put(key(table.getKey()), mark);
        skipped++;
      } else {
        due.add(table.getKey());
      }
    }
    boolean belowSafety = retention.compareTo(DEFAULT_RETENTION) < 0;
    String previous = spark.conf().get(RETENTION_CHECK, "true");
    String previousParallelism = spark.conf().get(LISTING_PARALLELISM, "10000");
    boolean ownVacuumCommits = spark.conf().getOption(VACUUM_COMMITS).isEmpty();
    if (ownVacuumCommits) {
      spark.conf().set(VACUUM_COMMITS, "false");
    }
    if (belowSafety) {
      spark.conf().set(RETENTION_CHECK, "false");
    }
    spark
        .conf()
        .set(
            LISTING_PARALLELISM,
            String.valueOf(Math.max(2, 4 * spark.sparkContext().defaultParallelism())));
    Map<String, Vacuumed> vacuumed;
    try {
      vacuumed =
          ConcurrentTableWrites.runAsIfInline(
              due,
              this::key,
              location ->
                  vacuum(location, tables.get(location), marks.get(key(location)), retention));
    } finally {
      spark.conf().set(RETENTION_CHECK, previous);
      spark.conf().set(LISTING_PARALLELISM, previousParallelism);
      if (ownVacuumCommits) {
        spark.conf().unset(VACUUM_COMMITS);
      }
    }
    vacuumed.forEach((key, table) -> next.put(key, table.mark()));
    int purged = (int) vacuumed.values().stream().filter(Vacuumed::purged).count();
    return new VacuumResult(tables.size() - skipped, purged, skipped, next);
  }

  /**
   * Purges the table if its protocol allows deletion vectors, then vacuums it; returns its new
   * mark. Tables are vacuumed side by side ({@link ConcurrentTableWrites}): each VACUUM is a
   * handful of tiny Spark jobs, seconds of driver-side work per table that would otherwise leave
   * the cores idle.
   */
  private Vacuumed vacuum(String location, long latest, VacuumMark mark, Duration retention) {
    boolean purge =
        log.settings(location, latest)
            .map(DeltaLogFiles.TableSettings::mayHoldDeletionVectors)
            .orElse(true); // no checksum to say: purge
    if (purge) {
      spark.sql("reorg table delta.`" + location + "` apply (purge)");
      latest = log.latestVersion(location).orElse(latest);
    }
    Instant start = clock.instant(); // no later than the cutoff Delta's VACUUM takes
    Instant changedAt = changes.lastChange(location, latest, mark, start);
    double hours = retention.toMillis() / 3_600_000.0;
    withoutDeltaConsoleLines(() -> DeltaTable.forPath(spark, location).vacuum(hours));
    long after = log.latestVersion(location).orElse(latest);
    return new Vacuumed(new VacuumMark(after, changedAt, start.minus(retention), retention), purge);
  }

  /** What one table's vacuum left: its mark, and whether it was purged first. */
  private record Vacuumed(VacuumMark mark, boolean purged) {}

  /** A table's key in the marks: its path under the lake's root. */
  private String key(String location) {
    String root = paths.rootPath().toUri().getPath();
    String table = new Path(location).toUri().getPath();
    return table.startsWith(root + "/") ? table.substring(root.length() + 1) : table;
  }

  /**
   * Delta's VACUUM prints "Deleted N files and directories..." with Scala's {@code println} for
   * every table; the command prints its own one-line summary instead. Scala's console is
   * thread-scoped, so only this thread's (and its children's) printing is muted.
   */
  private static void withoutDeltaConsoleLines(Runnable work) {
    scala.Console.withOut(
        OutputStream.nullOutputStream(),
        new AbstractFunction0<Object>() {
          @Override
          public Object apply() {
            work.run();
            return BoxedUnit.UNIT;
          }
        });
  }

  /**
   * The Delta tables directly under the lake's root, its marts folder and the marts' folder of
   * per-flow results tables, each with its latest version: read from each folder's {@code
   * _delta_log}, where Delta's {@code isDeltaTable} would build a snapshot of each.
   */
  Map<String, Long> tables() {
    Map<String, Long> tables = new LinkedHashMap<>();
    Path marts = new Path(paths.marts());
    for (Path folder :
        List.of(paths.rootPath(), marts, new Path(marts, Erasure.FLOW_RESULTS_DIR))) {
      try {
        FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.isDirectory(folder)) {
          continue;
        }
        for (FileStatus child : fs.listStatus(folder)) {
          String location = child.getPath().toString();
          if (child.isDirectory()) {
            log.latestVersion(location).ifPresent(version -> tables.put(location, version));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the lake " + folder + ": " + e.getMessage(), e);
      }
    }
    return tables;
  }
}
