package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lays out the rows of {@code runs} and {@code run_values} by flow within each month, so that a
 * read of a few flows (an incremental transform's scope) skips the other flows' files on Delta's
 * file statistics of {@code flow_uuid} ({@link StatsColumns}) instead of reading the whole lake.
 *
 * <p>The months alone do not do it: a month's files, as Spark writes them, each hold a slice of
 * every flow, so each has the lowest and highest flow uuid for its bounds. Here a first load's runs
 * are range-partitioned on month and flow, so each file holds a few neighbouring flows of one month
 * ({@link #byFlow}), and {@code run_values}, derived from {@code runs} row by row, is written with
 * one task per file of {@code runs}, so each of its files inherits one file's flows ({@link
 * #filePerTask}).
 *
 * <p>A merge keeps most of it: Delta rewrites only the files holding runs it changes, which under
 * this layout hold those runs' flows. It writes its output (changed runs, the rest of the files it
 * rewrote, new runs) one file per month, so that file spans the flows a pull brought, and a lake
 * that takes many small merges reads those files in every scope. docs/transform.md says what that
 * costs.
 */
public final class FlowLayout {

  /**
   * Runs per file of a first load: about 5 MB of Parquet. At 10M runs of 50 flows over 12 months
   * (17,000 runs a month per flow) a file holds one or two flows; larger files would each hold more
   * flows, so a scope would read more of other flows' runs, and smaller ones would make the lake
   * many files to list and open.
   */
  public static final long RUNS_PER_FILE = 25_000;

  /** A bound on the tasks of one load's write, whatever count it is given. */
  private static final long MAX_FILES = 100_000;

  private static final String FLOW = "flow_uuid";

  private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  private static final String OPEN_COST = "spark.sql.files.openCostInBytes";

  private FlowLayout() {}

  /**
   * The rows (of {@code runs}' columns) range-partitioned on month and flow, into one partition per
   * {@code runsPerFile} of {@code count}, so each writing task holds neighbouring flows of one or
   * two months. A shuffle of the rows: paid once, by the load that writes them.
   *
   * @param count how many rows there are (at least roughly), which sets the number of files
   * @param runsPerFile {@link #RUNS_PER_FILE}, or fewer where a few runs must make several files
   */
  public static Dataset<Row> byFlow(Dataset<Row> rows, long count, long runsPerFile) {
    int partitions =
        (int) Math.max(1, Math.min(MAX_FILES, (count + runsPerFile - 1) / runsPerFile));
    return rows.repartitionByRange(partitions, col(LakeTables.PARTITION_COLUMN), col(FLOW));
  }

  /**
   * Runs {@code write} with Spark's file scans planned one file per task: a file opened costs as
   * much as a whole split ({@code spark.sql.files.openCostInBytes} set to {@code
   * spark.sql.files.maxPartitionBytes}, restored after), so Spark does not pack several small files
   * of different flows into one task, whose output file would then span all their flows.
   */
  public static void filePerTask(SparkSession spark, Runnable write) {
    ScopedSettings.during(spark, Map.of(OPEN_COST, spark.conf().get(MAX_PARTITION_BYTES)), write);
  }
}
