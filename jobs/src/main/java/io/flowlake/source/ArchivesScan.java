package io.flowlake.source;

import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchivesClient;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A read of archive files: one input partition per non-empty archive, planned on the driver (the
 * listing is one paced request), downloaded and parsed on executors.
 */
final class ArchivesScan implements Scan, Batch {

  private final ArchiveSourceOptions options;
  private final StructType schema;
  private List<ArchiveInfo> planned;

  ArchivesScan(ArchiveSourceOptions options, StructType schema) {
    this.options = options;
    this.schema = schema;
  }

  @Override
  public StructType readSchema() {
    return schema;
  }

  /** Shown in plans and the Spark UI: never the token, nor the pre-signed URLs. */
  @Override
  public String description() {
    return "RapidProArchives[api="
        + options.api().api()
        + ", archives="
        + (options.archives() == null ? "all" : options.archives().size())
        + "]";
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    if (planned == null) {
      List<ArchiveInfo> archives =
          options.archives() != null
              ? options.archives()
              : new ArchivesClient(options.api()).runArchives();
      planned =
          archives.stream().filter(a -> a.type().equals("run") && a.recordCount() > 0).toList();
    }
    InputPartition[] files = new InputPartition[planned.size()];
    for (int i = 0; i < files.length; i++) {
      files[i] = new ArchiveFile(i, planned.get(i));
    }
    return files;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ReaderFactory(options, schema, SourceMetrics.register(options.pullId()));
  }

  /** Serialized to executors: opens one reader per archive file. */
  private record ReaderFactory(
      ArchiveSourceOptions options, StructType schema, SourceMetrics metrics)
      implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      return new ArchivePartitionReader(
          options, ((ArchiveFile) partition).archive(), schema, metrics);
    }
  }

  /** One archive file: the unit of parallelism and of failure. */
  record ArchiveFile(int index, ArchiveInfo archive) implements InputPartition {}
}
