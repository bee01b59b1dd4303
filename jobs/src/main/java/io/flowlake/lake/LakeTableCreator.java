package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates the lake's Delta tables on first use, with their declared schema and partitioning.
 * Deletion vectors let an incremental merge mark replaced rows instead of rewriting whole files.
 */
final class LakeTableCreator {

  static DeltaTable runs(SparkSession spark, LakePaths paths) {
    return create(spark, paths.runs(), LakeTables.RUNS_SCHEMA, LakeTables.PARTITION_COLUMN);
  }

  static DeltaTable runValues(SparkSession spark, LakePaths paths) {
    return create(
        spark, paths.runValues(), LakeTables.RUN_VALUES_SCHEMA, LakeTables.PARTITION_COLUMN);
  }

  static DeltaTable rejects(SparkSession spark, LakePaths paths) {
    return create(spark, paths.rejects(), LakeTables.REJECTS_SCHEMA, null);
  }

  private static DeltaTable create(
      SparkSession spark, String location, StructType schema, String partitionColumn) {
    var builder =
        DeltaTable.createIfNotExists(spark)
            .location(location)
            .addColumns(schema)
            .property("delta.enableDeletionVectors", "true");
    if (partitionColumn != null) {
      builder = builder.partitionedBy(partitionColumn);
    }
    return builder.execute();
  }

  private LakeTableCreator() {}
}
