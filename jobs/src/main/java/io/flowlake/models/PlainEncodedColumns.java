package io.flowlake.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Turns Parquet's dictionary encoding off for columns whose values are (nearly) all distinct, for
 * the writes made while it is open, and restores the session as found when it closes. A dictionary
 * of distinct values saves no space and costs a hash lookup per value: writing the 50 results
 * tables of a 1M-run lake spent a tenth of the transform's CPU there. The setting is Parquet's
 * per-column {@code parquet.enable.dictionary#<column>}, which Spark copies from the session into
 * every write's Hadoop configuration (Delta passes no Parquet option of a writer through). A key
 * the user set is left alone.
 */
final class PlainEncodedColumns implements AutoCloseable {

  private static final String DICTIONARY = "parquet.enable.dictionary#";

  private final SessionDefaults applied;

  private PlainEncodedColumns(SessionDefaults applied) {
    this.applied = applied;
  }

  static PlainEncodedColumns of(SparkSession spark, List<String> columns) {
    Map<String, String> plain = new LinkedHashMap<>();
    columns.forEach(column -> plain.put(DICTIONARY + column, "false"));
    return new PlainEncodedColumns(SessionDefaults.unlessSet(spark, plain));
  }

  @Override
  public void close() {
    applied.close();
  }
}
