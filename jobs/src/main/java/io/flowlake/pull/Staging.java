package io.flowlake.pull;

import static org.apache.spark.sql.functions.col;

import io.flowlake.lake.LakePaths;
import io.flowlake.source.RunColumns;
import io.flowlake.source.SourceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A read of a {@code rapidpro} source written once into {@code <lake>/_staging/<id>}: the API or
 * the archives are asked exactly once, and every step after it (merges, rebuilds, rejects) reads
 * these immutable files. Rows are the source's records plus its {@link RunColumns#REJECT} column,
 * set on the records the parser refused.
 */
final class Staging {

  private final String dir;
  private final Configuration conf;
  private final Dataset<Row> batch;
  private final SourceMetrics.Totals totals;

  private Staging(String dir, Configuration conf, Dataset<Row> batch, SourceMetrics.Totals totals) {
    this.dir = dir;
    this.conf = conf;
    this.batch = batch;
    this.totals = totals;
  }

  /**
   * Runs {@code read} (planned with {@code ReadSettings.PULL_ID} = {@code id}, under which its
   * metrics are collected) into the staging folder {@code id}, after removing any staging folder
   * that a killed job left behind.
   */
  static Staging write(SparkSession spark, LakePaths paths, String id, Dataset<Row> read) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String dir = paths.staging(id);
    delete(paths.stagingRoot(), conf);
    read.write().parquet(dir);
    SourceMetrics.Totals totals = SourceMetrics.collect(id);
    // the files' schema is the read's: given, Spark need not run a job to read their footers
    return new Staging(dir, conf, spark.read().schema(read.schema()).parquet(dir), totals);
  }

  /** The records that parsed, without the reject column. */
  Dataset<Row> records() {
    return batch.where(col(RunColumns.REJECT).isNull()).drop(RunColumns.REJECT);
  }

  /** The refused records: raw, reason, location. */
  Dataset<Row> rejects() {
    return batch.where(col(RunColumns.REJECT).isNotNull()).select(RunColumns.REJECT + ".*");
  }

  /** What the read cost and brought, from the source's metrics. */
  SourceMetrics.Totals totals() {
    return totals;
  }

  void delete() {
    delete(dir, conf);
  }

  private static void delete(String dir, Configuration conf) {
    Path path = new Path(dir);
    try {
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the staging folder " + dir, e);
    }
  }
}
