package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private final SparkSession spark;
  private final LakePaths paths;

  public LakeVacuum(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** Purges and vacuums each table; returns how many tables it vacuumed. */
  public int vacuum(Duration retention) {
    List<String> tables = tables();
    double hours = retention.toMillis() / 3_600_000.0;
    boolean belowSafety = retention.compareTo(DEFAULT_RETENTION) < 0;
    String previous = spark.conf().get(RETENTION_CHECK, "true");
    String previousParallelism = spark.conf().get(LISTING_PARALLELISM, "10000");
    if (belowSafety) {
      spark.conf().set(RETENTION_CHECK, "false");
    }
    spark
        .conf()
        .set(
            LISTING_PARALLELISM,
            String.valueOf(Math.max(2, 4 * spark.sparkContext().defaultParallelism())));
    try {
      for (String table : tables) {
        spark.sql("reorg table delta.`" + table + "` apply (purge)");
        withoutDeltaConsoleLines(() -> DeltaTable.forPath(spark, table).vacuum(hours));
      }
    } finally {
      spark.conf().set(RETENTION_CHECK, previous);
      spark.conf().set(LISTING_PARALLELISM, previousParallelism);
    }
    return tables.size();
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
   * per-flow results tables.
   */
  List<String> tables() {
    List<String> tables = new ArrayList<>();
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
          if (child.isDirectory() && DeltaTable.isDeltaTable(spark, location)) {
            tables.add(location);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the lake " + folder + ": " + e.getMessage(), e);
      }
    }
    return tables;
  }
}
