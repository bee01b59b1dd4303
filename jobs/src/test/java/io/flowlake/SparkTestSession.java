package io.flowlake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a test class: start it in {@code @BeforeAll}, stop it in {@code @AfterAll}.
 * Local, two threads, no UI, loopback only, UTC, two shuffle partitions, Delta enabled.
 */
public final class SparkTestSession {

  private SparkTestSession() {}

  public static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("flowlake-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", warehouseDir())
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Delta rebuilds a table's state in 50 partitions by default: 50 tasks per tiny test table
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .getOrCreate();
  }

  /** Keeps Spark from creating spark-warehouse/ in the working directory. */
  private static String warehouseDir() {
    try {
      return Files.createTempDirectory("flowlake-warehouse").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
