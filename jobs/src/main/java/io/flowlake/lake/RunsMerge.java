package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * Merges a batch of run rows into {@code runs}: one row per uuid, the newest {@code modified_on}
 * wins, and on a tie an API record beats an archive one (it carries {@code start} and the URN,
 * docs/rapidpro-api.md pitfall 7). One Delta commit, so a reader never sees half a batch;
 * re-merging the same batch changes nothing, which is what makes a killed pull safe to run again.
 */
public final class RunsMerge {

  private final SparkSession spark;
  private final LakePaths paths;

  public RunsMerge(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /**
   * Merges the batch ({@link io.flowlake.source.RunColumns#RUN} columns) tagged with its source,
   * and returns the {@code created_month} partitions it touched.
   */
  public List<String> merge(Dataset<Row> batch, String source) {
    // Months come from one column of the staged files; caching whole nested rows costs more.
    List<String> months =
        batch.select(date_format(col("created_on"), "yyyy-MM")).distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    if (months.isEmpty()) {
      return months;
    }
    Dataset<Row> rows = newestPerUuid(withLineage(batch, source));
    boolean firstLoad =
        !new DeltaLogFiles(spark.sparkContext().hadoopConfiguration()).isTable(paths.runs());
    DeltaTable runs = LakeTableCreator.runs(spark, paths);
    if (firstLoad) {
      // A first load has nothing to match: one append is the same single commit, without a join.
      rows.write().format("delta").mode(SaveMode.Append).save(paths.runs());
    } else {
      mergeInto(runs, rows, months);
    }
    return months;
  }

  private void mergeInto(DeltaTable runs, Dataset<Row> rows, List<String> months) {
    // The batch is read from immutable staging files, so Delta need not copy it before merging.
    String key = "spark.databricks.delta.merge.materializeSource";
    String previous = spark.conf().get(key, "auto");
    spark.conf().set(key, "none");
    try {
      runs.as("t")
          .merge(rows.as("s"), matchCondition(months))
          .whenMatched(newerOrPreferred())
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .execute();
    } finally {
      spark.conf().set(key, previous);
    }
  }

  public static Dataset<Row> withLineage(Dataset<Row> batch, String source) {
    return batch
        .withColumn("source", lit(source))
        .withColumn(LakeTables.PARTITION_COLUMN, date_format(col("created_on"), "yyyy-MM"))
        .select(
            java.util.Arrays.stream(LakeTables.RUNS_SCHEMA.fieldNames())
                .map(functions::col)
                .toArray(Column[]::new));
  }

  /** Inclusive window bounds and overlaps bring a run more than once: keep its newest copy. */
  public static Dataset<Row> newestPerUuid(Dataset<Row> rows) {
    return rows.withColumn(
            "_rank",
            functions
                .row_number()
                .over(
                    Window.partitionBy("uuid")
                        .orderBy(col("modified_on").desc(), sourcePreference("source").asc())))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }

  /** Partition pruning: only files of the months in the batch are read and rewritten. */
  private static String matchCondition(List<String> months) {
    String inList = months.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "));
    return "t." + LakeTables.PARTITION_COLUMN + " in (" + inList + ") and t.uuid = s.uuid";
  }

  private static String newerOrPreferred() {
    return "s.modified_on > t.modified_on or (s.modified_on = t.modified_on and s.source = '"
        + LakeTables.SOURCE_API
        + "' and t.source = '"
        + LakeTables.SOURCE_ARCHIVE
        + "')";
  }

  private static Column sourcePreference(String column) {
    return functions.when(col(column).equalTo(LakeTables.SOURCE_API), 0).otherwise(1);
  }
}
