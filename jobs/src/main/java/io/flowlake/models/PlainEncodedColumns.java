package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.RuntimeConfig;
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

  private final RuntimeConfig conf;
  private final List<String> applied = new ArrayList<>();

  private PlainEncodedColumns(RuntimeConfig conf) {
    this.conf = conf;
  }

  static PlainEncodedColumns of(SparkSession spark, List<String> columns) {
    PlainEncodedColumns plain = new PlainEncodedColumns(spark.conf());
    for (String column : columns) {
      String key = DICTIONARY + column;
      if (!plain.conf.contains(key)) {
        plain.conf.set(key, "false");
        plain.applied.add(key);
      }
    }
    return plain;
  }

  @Override
  public void close() {
    applied.forEach(conf::unset);
  }
}
