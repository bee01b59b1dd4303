package io.flowlake.source;

import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The workspace's archived runs; read-only, batch. Only the columns asked for are built. */
final class ArchivesTable implements SupportsRead {

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

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new ArchivesScanBuilder(ArchiveSourceOptions.parse(options.asCaseSensitiveMap()));
  }

  /** Column pruning: a count or a select of a few columns skips building the rest. */
  private static final class ArchivesScanBuilder
      implements ScanBuilder, SupportsPushDownRequiredColumns {
    private final ArchiveSourceOptions options;
    private StructType required = RunColumns.SOURCE;

    ArchivesScanBuilder(ArchiveSourceOptions options) {
      this.options = options;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
      required = requiredSchema;
    }

    @Override
    public Scan build() {
      return new ArchivesScan(options, required);
    }
  }
}
