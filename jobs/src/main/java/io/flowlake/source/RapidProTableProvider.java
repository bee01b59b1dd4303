package io.flowlake.source;

import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("rapidpro")}: the runs of a RapidPro workspace as a table. Its options
 * ({@link io.flowlake.config.OptionRegistry#RAPIDPRO_SOURCE}) are parsed in {@link #getTable}, so
 * an unknown key or a bad value fails {@code load()} with one line, before any request.
 */
public final class RapidProTableProvider implements TableProvider, DataSourceRegister {

  public static final String SHORT_NAME = "rapidpro";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return RunColumns.SOURCE;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    // T0 is fixed here, once per DataFrame, so every window and every action share one upper bound.
    return new RunsTable(
        SourceOptions.parse(properties, Instant.now()), ReadConcurrency.parse(properties));
  }
}
