package io.flowlake.models;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Delta table read at one version: an export reads each table at its latest version once and
 * records that version, so its row count and files agree even if a transform commits meanwhile.
 *
 * @param version the table's version read
 * @param rows the table's rows at that version (lazy)
 */
public record TableSnapshot(long version, Dataset<Row> rows) {

  /** The latest version of the Delta table at {@code path}. */
  public static long latestVersion(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("version").head().getLong(0);
  }

  /** The table at {@code path}, read at its latest version. */
  public static TableSnapshot latest(SparkSession spark, String path) {
    long version = latestVersion(spark, path);
    return new TableSnapshot(
        version, spark.read().format("delta").option("versionAsOf", version).load(path));
  }
}
