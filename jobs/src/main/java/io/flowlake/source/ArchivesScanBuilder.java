package io.flowlake.source;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/** Column pruning: a count or a select of a few columns skips building the rest. */
final class ArchivesScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {

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
