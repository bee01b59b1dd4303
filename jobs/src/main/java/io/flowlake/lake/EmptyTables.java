package io.flowlake.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Creates, empty, the tables a pull documents but may have had nothing to put in yet ({@code
 * rejects} before the first reject, {@code tombstones} before the first deletion, {@code runs} of
 * an empty workspace), so that a query, a notebook or an export of any documented table works on a
 * healthy lake from its first pull on.
 */
public final class EmptyTables {

  private EmptyTables() {}

  /**
   * Creates each of the lake's run-side tables that does not exist yet; leaves the others alone.
   */
  public static void createMissing(SparkSession spark, LakePaths paths) {
    // a listing of each _delta_log, not Delta's isDeltaTable: that opens a snapshot per table
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    if (!log.isTable(paths.runs())) {
      LakeTableCreator.runs(spark, paths);
    }
    if (!log.isTable(paths.runValues())) {
      LakeTableCreator.runValues(spark, paths);
    }
    if (!log.isTable(paths.rejects())) {
      LakeTableCreator.rejects(spark, paths);
    }
    if (!log.isTable(paths.tombstones())) {
      LakeTableCreator.tombstones(spark, paths);
    }
  }
}
