package io.flowlake.source;

import java.time.Instant;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The workspace's runs; read-only, batch. */
final class RunsTable implements SupportsRead {

  @Override
  public String name() {
    return "rapidpro.runs";
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
    // T0 is fixed here, once per read, so every window of the read shares one upper bound.
    return new RunsScanBuilder(
        SourceOptions.parse(options.asCaseSensitiveMap(), Instant.now()),
        ReadConcurrency.parse(options.asCaseSensitiveMap()));
  }
}
