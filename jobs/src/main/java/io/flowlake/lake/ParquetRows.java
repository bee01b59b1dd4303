package io.flowlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.RebaseDateTime.RebaseSpec;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.internal.LegacyBehaviorPolicy;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet file's rows as Spark's internal rows, read in the driver without a Spark job: through
 * the read support Spark's own row-based Parquet reader uses, so values come out exactly as a Spark
 * scan gives them (instants as microseconds, maps and arrays as Spark's), for a few small files
 * where planning a query would cost more than reading them.
 */
public final class ParquetRows {

  private static final RebaseSpec CORRECTED =
      new RebaseSpec(LegacyBehaviorPolicy.CORRECTED(), scala.Option.empty());

  private final Configuration conf;

  /**
   * @param schema the columns to read, by name; a column the file lacks reads as null
   */
  public ParquetRows(Configuration base, StructType schema) {
    conf = new Configuration(base);
    conf.set(ParquetReadSupport.SPARK_ROW_REQUESTED_SCHEMA(), schema.json());
    // what Spark's Parquet scan sets from its session; its defaults here
    conf.setIfUnset("spark.sql.parquet.binaryAsString", "false");
    conf.setIfUnset("spark.sql.parquet.int96AsTimestamp", "true");
    conf.setIfUnset("spark.sql.caseSensitive", "false");
    conf.setIfUnset("spark.sql.parquet.inferTimestampNTZ.enabled", "true");
    conf.setIfUnset("spark.sql.legacy.parquet.nanosAsLong", "false");
    conf.setIfUnset("spark.sql.parquet.fieldId.read.enabled", "false");
  }

  /** Passes each row of {@code file} to {@code rows}: a copy of its own, which it may keep. */
  public void read(Path file, Consumer<InternalRow> rows) {
    // written by Spark 3 or later, so in the proleptic Gregorian calendar: nothing to rebase
    ParquetReadSupport support =
        new ParquetReadSupport(scala.Option.empty(), false, CORRECTED, CORRECTED);
    try (ParquetReader<InternalRow> reader =
        ParquetReader.builder(support, file).withConf(conf).build()) {
      for (InternalRow row = reader.read(); row != null; row = reader.read()) {
        rows.accept(row.copy()); // the reader fills the same row again
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
