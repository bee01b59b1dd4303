package io.flowlake.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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

  /**
   * Passes each row of {@code file} to {@code rows}: a copy of its own, which it may keep.
   *
   * @throws UncheckedIOException caused by a {@link FileNotFoundException} for a file gone
   *     (vacuumed), else by an exception of ours whose one line names the file and says what is
   *     wrong with it, parquet-mr's own failure suppressed in it: parquet-mr's messages for a
   *     damaged file need not say which file, and a damaged page header overflows its stack
   */
  public void read(Path file, Consumer<InternalRow> rows) {
    // written by Spark 3 or later, so in the proleptic Gregorian calendar: nothing to rebase
    ParquetReadSupport support =
        new ParquetReadSupport(scala.Option.empty(), false, CORRECTED, CORRECTED);
    try (ParquetReader<InternalRow> reader = open(support, file)) {
      for (InternalRow row = next(reader, file); row != null; row = next(reader, file)) {
        rows.accept(row.copy()); // the reader fills the same row again
      }
    } catch (IOException e) { // closing
      throw unreadable(file, e);
    }
  }

  private ParquetReader<InternalRow> open(ParquetReadSupport support, Path file) {
    try {
      return new Reading(support, HadoopInputFile.fromPath(file, conf)).build();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw unreadable(file, e);
    }
  }

  /**
   * {@code ParquetReader.builder(support, path)} begins with a {@code new Configuration()}, which
   * parses Hadoop's default XML resources again for every file (about 30 ms; a tenth of a small
   * change's read) before {@code withConf} replaces it. From an input file, the builder takes the
   * file's configuration, ours.
   */
  private static final class Reading extends ParquetReader.Builder<InternalRow> {

    private final ParquetReadSupport support;

    Reading(ParquetReadSupport support, HadoopInputFile file) {
      super(file);
      this.support = support;
    }

    @Override
    protected ReadSupport<InternalRow> getReadSupport() {
      return support;
    }
  }

  private static InternalRow next(ParquetReader<InternalRow> reader, Path file) {
    try {
      return reader.read();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // parquet-mr's Thrift parser recurses on a damaged page header until the stack runs out;
      // the stack has unwound by here, and the failure is the file's
      throw unreadable(file, e);
    }
  }

  private static UncheckedIOException unreadable(Path file, Throwable e) {
    if (e instanceof FileNotFoundException gone) {
      return new UncheckedIOException("cannot read " + file, gone);
    }
    // parquet-mr's own message, not its cause's: for a damaged page header the cause is Thrift's
    // "Socket is closed by peer.", and only parquet-mr's says it was reading a page header
    String message = e.getMessage();
    String reason =
        e instanceof StackOverflowError
            ? "damaged (its metadata sends parquet-mr's parser into endless recursion)"
            : message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElseThrow();
    String line = "cannot read " + file + ": " + reason;
    IOException named = new IOException(line);
    named.addSuppressed(e);
    return new UncheckedIOException(line, named);
  }
}
