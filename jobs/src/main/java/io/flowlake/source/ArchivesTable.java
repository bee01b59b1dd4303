package io.flowlake.source;

import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The workspace's archived runs; read-only, batch. */
final class ArchivesTable implements SupportsRead {

  private final ArchiveSourceOptions options;

  ArchivesTable(ArchiveSourceOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "rapidpro.archived_runs";
  }

  @Override
  public StructType schema() {
    return RunColumns.SOURCE;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  /** {@code readOptions} are the ones the provider already parsed into this table. */
  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap readOptions) {
    return new ArchivesScanBuilder(options);
  }
}
