package io.flowlake.lake;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * What a task needs to write Parquet files as Spark's own writer does (and so as a Delta write
 * does: Delta writes through the same format): the session's Parquet settings (compression,
 * timestamp type, per-column encodings) in a Hadoop configuration, and Spark's writer factory. Made
 * on the driver, shipped to the tasks, each of which opens its files with {@link TaskParquetFile}.
 */
public record ParquetFileSetup(SerializableConfiguration conf, OutputWriterFactory factory)
    implements Serializable {

  /**
   * @param schema any of the schemas the files will have: it only fills the configuration, each
   *     file sets its own
   */
  public static ParquetFileSetup of(SparkSession spark, StructType schema) {
    return of(spark, schema, Map.of());
  }

  /**
   * As {@link #of(SparkSession, StructType)}, with Parquet settings of these writes' own where the
   * session sets none (a setting the user made is kept).
   */
  public static ParquetFileSetup of(
      SparkSession spark, StructType schema, Map<String, String> defaults) {
    Job job;
    try {
      job = Job.getInstance(spark.sessionState().newHadoopConf());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a Parquet write", e);
    }
    defaults.forEach(
        (key, value) -> {
          if (job.getConfiguration().get(key) == null) {
            job.getConfiguration().set(key, value);
          }
        });
    OutputWriterFactory factory =
        new ParquetFileFormat()
            .prepareWrite(spark, job, scala.collection.immutable.Map$.MODULE$.empty(), schema);
    return new ParquetFileSetup(new SerializableConfiguration(job.getConfiguration()), factory);
  }
}
