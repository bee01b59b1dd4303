package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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

  static DeltaTable contacts(SparkSession spark, LakePaths paths) {
    return create(spark, paths.contacts(), ContactTables.CONTACTS_SCHEMA, null);
  }

  static DeltaTable contactFields(SparkSession spark, LakePaths paths) {
    return create(spark, paths.contactFields(), ContactTables.CONTACT_FIELDS_SCHEMA, null);
  }

  static DeltaTable groups(SparkSession spark, LakePaths paths) {
    return create(spark, paths.groups(), ContactTables.GROUPS_SCHEMA, null);
  }

  private static DeltaTable create(
      SparkSession spark, String location, StructType schema, String partitionColumn) {
    clearUncommittedLog(spark, location);
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

  /**
   * A first write killed before its commit leaves a {@code _delta_log} folder with no commit in it;
   * Delta then neither opens nor creates the table. Such a log holds nothing committed (a commit is
   * one atomic file), so it is removed and the table created afresh.
   */
  private static void clearUncommittedLog(SparkSession spark, String location) {
    Path log = new Path(location, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.isDirectory(log)
          && fs.listStatus(log, p -> p.getName().endsWith(".json")).length == 0) {
        fs.delete(log, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot inspect the Delta log " + log + ": " + e.getMessage(), e);
    }
  }

  private LakeTableCreator() {}
}
