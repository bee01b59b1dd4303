package io.flowlake.source;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A read of the workspace's archive files, or of the ones the options list. */
final class ArchivesScan implements Scan {

  private final ArchiveSourceOptions options;
  private final StructType schema;
  private ArchivesBatch batch;

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
    // One batch per scan, so that Spark asking twice lists the archives once.
    if (batch == null) {
      batch = new ArchivesBatch(options, schema);
    }
    return batch;
  }
}
