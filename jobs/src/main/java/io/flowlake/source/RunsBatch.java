package io.flowlake.source;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Plans the read as {@code modified_on} windows within [after, before]. One window for now: the
 * runs endpoint is walked by one cursor, oldest first, under the workspace's request budget.
 */
final class RunsBatch implements Batch {

  private final SourceOptions options;
  private final StructType schema;

  RunsBatch(SourceOptions options, StructType schema) {
    this.options = options;
    this.schema = schema;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return new InputPartition[] {new RunsWindow(0, options.after(), options.before())};
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new RunsReaderFactory(options, schema, SourceMetrics.register(options.pullId()));
  }
}
