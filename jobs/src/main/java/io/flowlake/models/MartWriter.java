package io.flowlake.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.flowlake.lake.DeltaLogFiles;
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
   *
   * <p>A partial scope rewrites the whole mart, the other flows' rows read from its current version
   * and the scope's new ones, in one overwrite. A mart is an aggregate, small beside the runs it
   * counts, so this is one write job, where Delta's {@code replaceWhere} on {@code flow_uuid} (not
   * a partition column) adds jobs to check the rows against the predicate and to find and rewrite
   * the files holding the scope's old rows: 188 Spark jobs instead of 204 for a transform of 2
   * changed flows.
   */
  static void write(Dataset<Row> rows, String path, FlowScope scope) {
    if (scope.all()) {
      overwrite(rows, path);
      return;
    }
    Dataset<Row> others =
        rows.sparkSession()
            .read()
            .format("delta")
            .load(path)
            .where(
                col("flow_uuid").isNull().or(not(col("flow_uuid").isin(scope.flows().toArray()))));
    overwrite(others.unionByName(rows), path);
  }

  static void overwrite(Dataset<Row> rows, String path) {
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
