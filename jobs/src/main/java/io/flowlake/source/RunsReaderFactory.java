package io.flowlake.source;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Serialized to executors: opens one reader per group of windows. */
final class RunsReaderFactory implements PartitionReaderFactory {

  private final SourceOptions options;
  private final StructType schema;
  private final SourceMetrics metrics;

  RunsReaderFactory(SourceOptions options, StructType schema, SourceMetrics metrics) {
    this.options = options;
    this.schema = schema;
    this.metrics = metrics;
  }

  /**
   * The reader starts fetching at once (or takes over the fetch {@link RunsPrefetch} started for
   * its group): Spark creates it before it sets up the task's writer (code generation, a Parquet
   * writer: seconds in a fresh JVM), and the first pages arrive meanwhile.
   */
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    RunsPartitionReader reader =
        new RunsPartitionReader(options, (RunsWindowGroup) partition, schema, metrics);
    reader.start();
    return reader;
  }
}
