package io.flowlake.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command: Delta enabled, and local mode when nothing (spark-submit, {@code
 * --conf spark.master}) chose a master, which is how {@code bin/flowlake} runs.
 */
final class LakeSparkSession {

  private LakeSparkSession() {}

  static SparkSession open(String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    if (!new SparkConf().contains("spark.master")) {
      builder = builder.master("local[*]");
    }
    return builder.getOrCreate();
  }
}
