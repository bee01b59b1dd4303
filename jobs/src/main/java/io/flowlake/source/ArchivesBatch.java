package io.flowlake.source;

import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchivesClient;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * One input partition per non-empty run archive, planned on the driver (the listing is one paced
 * request), downloaded and parsed on executors.
 */
final class ArchivesBatch implements Batch {

  private final ArchiveSourceOptions options;
  private final StructType schema;
  private List<ArchiveInfo> planned;

  ArchivesBatch(ArchiveSourceOptions options, StructType schema) {
    this.options = options;
    this.schema = schema;
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
    return new ArchivesReaderFactory(options, schema, SourceMetrics.register(options.pullId()));
  }
}
