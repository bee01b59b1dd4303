package io.flowlake.source;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("rapidpro-archives")}: the runs in a workspace's run archives, in the
 * {@code rapidpro} source's columns, one input partition per archive file so executors download and
 * parse files in parallel. Takes the {@code rapidpro} source's connection options ({@link
 * io.flowlake.config.OptionRegistry#ARCHIVES_SOURCE}), parsed in {@link #getTable} so that a bad
 * one fails {@code load()}; its filters ({@code after}, {@code flow}, ...) are refused, not
 * ignored.
 */
public final class RapidProArchivesProvider implements TableProvider, DataSourceRegister {

  public static final String SHORT_NAME = "rapidpro-archives";

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
    return new ArchivesTable(ArchiveSourceOptions.parse(properties));
  }
}
