package io.flowlake.models;

import io.flowlake.lake.DeltaLogFiles;
import java.util.OptionalLong;
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

  /**
   * The latest version of the Delta table at {@code path}.
   *
   * @throws IllegalArgumentException when {@code path} holds no Delta table
   */
  public static long latestVersion(SparkSession spark, String path) {
    return latestVersionIfAny(spark, path)
        .orElseThrow(() -> new IllegalArgumentException("no Delta table at " + path));
  }

  /** The latest version of the Delta table at {@code path}, or empty when there is none. */
  public static OptionalLong latestVersionIfAny(SparkSession spark, String path) {
    return new DeltaLogFiles(spark.sparkContext().hadoopConfiguration()).latestVersion(path);
  }

  /** The table at {@code path}, read at its latest version. */
  public static TableSnapshot latest(SparkSession spark, String path) {
    long version = latestVersion(spark, path);
    return new TableSnapshot(
        version, spark.read().format("delta").option("versionAsOf", version).load(path));
  }
}
