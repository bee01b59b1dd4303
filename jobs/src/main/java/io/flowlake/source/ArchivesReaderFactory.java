package io.flowlake.source;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Serialized to executors: opens one reader per archive file. */
record ArchivesReaderFactory(ArchiveSourceOptions options, StructType schema, SourceMetrics metrics)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new ArchivePartitionReader(
        options, ((ArchiveFile) partition).archive(), schema, metrics);
  }
}
