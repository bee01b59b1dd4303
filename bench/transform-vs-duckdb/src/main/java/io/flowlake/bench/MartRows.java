package io.flowlake.bench;

import io.flowlake.models.MartPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The rows each compared mart holds in the lake as it is, whatever the transforms before wrote (an
 * incremental one reports only its scope's rows); for the per-flow results tables, the runs their
 * index lists.
 */
final class MartRows {

  private MartRows() {}

  static Map<String, Long> count(SparkSession spark, String lake) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String mart : DuckDbMarts.MARTS) {
      rows.put(
          mart,
          mart.equals(DuckDbMarts.FLOW_RESULTS)
              ? flowTables(spark, lake)
              : rows(spark, mart(lake, mart)));
    }
    return rows;
  }

  /**
   * The runs flow_results_index lists for the tables, as the transform reports them: counting each
   * of the 50 tables is a Spark job (and a log replay) per table, minutes on a loaded machine.
   */
  private static long flowTables(SparkSession spark, String lake) {
    return spark
        .read()
        .format("delta")
        .load(mart(lake, "flow_results_index"))
        .select("table_name", "runs")
        .distinct()
        .agg(org.apache.spark.sql.functions.sum("runs"))
        .head()
        .getLong(0);
  }

  private static String mart(String lake, String name) {
    return MartPaths.mart(lake, name);
  }

  private static long rows(SparkSession spark, String path) {
    return spark.read().format("delta").load(path).count();
  }
}
