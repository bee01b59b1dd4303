package io.flowlake.source;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the scan. Column pruning matters to the API: when no path column is read the source asks
 * for {@code paths=false}, which makes every page smaller (docs/rapidpro-api.md pitfall 16).
 * Filters the endpoint can apply become request parameters ({@link PushedFilters}); every filter is
 * still returned to Spark to evaluate, since the API's answer is never narrower than the query.
 */
final class RunsScanBuilder
    implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {

  private SourceOptions options;
  private final ReadConcurrency concurrency;
  private StructType required = RunColumns.SOURCE;
  private Filter[] pushed = new Filter[0];

  RunsScanBuilder(SourceOptions options, ReadConcurrency concurrency) {
    this.options = options;
    this.concurrency = concurrency;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    PushedFilters applied = PushedFilters.apply(options, filters);
    options = applied.options();
    pushed = applied.used();
    return filters;
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.clone();
  }

  @Override
  public Scan build() {
    return new RunsScan(options, concurrency, required);
  }
}
