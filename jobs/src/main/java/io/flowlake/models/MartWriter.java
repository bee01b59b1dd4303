package io.flowlake.models;

import io.delta.tables.DeltaTable;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Replaces a mart's contents in one Delta commit: a reader sees the old mart or the new one. */
final class MartWriter {

  private MartWriter() {}

  /**
   * Under {@link FlowScope#everyFlow()}, replaces the whole mart; otherwise replaces the rows of
   * the scope's flows with {@code rows} (which hold only those flows) and keeps every other flow's,
   * in one commit either way.
   */
  static void write(Model mart, Dataset<Row> rows, String path, FlowScope scope) {
    if (scope.all()) {
      overwrite(mart, rows, path);
      return;
    }
    // the scope's uuids are plain (ChangedFlows checks), so they sit in the predicate as they are
    String predicate =
        "flow_uuid in ("
            + scope.flows().stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
            + ")";
    rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(path);
  }

  static void overwrite(Model mart, Dataset<Row> rows, String path) {
    rows.write()
        .format("delta")
        .mode("overwrite")
        // a new release may change a mart's columns; the mart is derived, so replace it
        .option("overwriteSchema", "true")
        .save(path);
  }

  /**
   * The rows the table's latest commit wrote, from the commit's own metrics: counting the mart
   * again would cost a Spark job (or a scan of the Delta log's file statistics) per mart.
   */
  static long lastWriteRows(SparkSession spark, String path) {
    Row commit = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    Map<String, String> metrics = commit.getJavaMap(0);
    String rows = metrics == null ? null : metrics.get("numOutputRows");
    if (rows == null) {
      // commit metrics switched off (spark.databricks.delta.history.metricsEnabled=false)
      return spark.read().format("delta").load(path).count();
    }
    return Long.parseLong(rows);
  }
}
