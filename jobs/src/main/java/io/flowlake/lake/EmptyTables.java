package io.flowlake.lake;

import io.delta.tables.DeltaTable;
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
    if (!DeltaTable.isDeltaTable(spark, paths.runs())) {
      LakeTableCreator.runs(spark, paths);
    }
    if (!DeltaTable.isDeltaTable(spark, paths.runValues())) {
      LakeTableCreator.runValues(spark, paths);
    }
    if (!DeltaTable.isDeltaTable(spark, paths.rejects())) {
      LakeTableCreator.rejects(spark, paths);
    }
    if (!DeltaTable.isDeltaTable(spark, paths.tombstones())) {
      LakeTableCreator.tombstones(spark, paths);
    }
  }
}
