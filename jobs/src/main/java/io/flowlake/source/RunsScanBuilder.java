package io.flowlake.source;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the scan. Column pruning matters to the API: when no path column is read the source asks
 * for {@code paths=false}, which makes every page smaller (API.md pitfall 16).
 */
final class RunsScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {

  private final SourceOptions options;
  private StructType required = RunColumns.SOURCE;

  RunsScanBuilder(SourceOptions options) {
    this.options = options;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Scan build() {
    return new RunsScan(options, required);
  }
}
