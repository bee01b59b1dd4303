package io.flowlake.models;

import io.flowlake.lake.DeltaLogFiles;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

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
    replacing(rows, path).save(path);
  }

  /**
   * A writer that replaces the table at {@code path} with {@code rows} in one commit, its schema
   * too when the columns differ (a new release changed a mart, a flow gained a result: the table is
   * derived, so it is replaced). Delta's {@code overwriteSchema} is set only then: with it, Delta
   * treats the write as replacing the table and rebuilds the table's whole state in a Spark job
   * first, a second or more per mart on every transform.
   */
  static DataFrameWriter<Row> replacing(Dataset<Row> rows, String path) {
    DataFrameWriter<Row> writer = rows.write().format("delta").mode("overwrite");
    return sameColumns(rows.sparkSession(), rows.schema(), path)
        ? writer
        : writer.option("overwriteSchema", "true");
  }

  /** True when the table at {@code path} exists with the columns of {@code schema}, in order. */
  private static boolean sameColumns(SparkSession spark, StructType schema, String path) {
    if (TableSnapshot.latestVersionIfAny(spark, path).isEmpty()) {
      return false;
    }
    // the schema comes from the log's metadata (the latest checksum file): no data is read
    StructType current = spark.read().format("delta").load(path).schema();
    // names, order and types; nullability aside, which Delta relaxes on every write anyway
    return current.catalogString().equals(schema.catalogString());
  }

  /**
   * The rows the table's latest commit wrote, from the commit's own metrics: counting the mart
   * again would cost a Spark job (or a scan of the Delta log's file statistics) per mart.
   */
  static long lastWriteRows(SparkSession spark, String path) {
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    long version = TableSnapshot.latestVersion(spark, path);
    // empty when commit metrics are switched off (spark.databricks.delta.history.metricsEnabled)
    return log.commitMetric(path, version, "numOutputRows")
        .orElseGet(() -> spark.read().format("delta").load(path).count());
  }
}
