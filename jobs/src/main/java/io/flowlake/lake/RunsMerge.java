package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final long runsPerFile;

  public RunsMerge(SparkSession spark, LakePaths paths) {
    this(spark, paths, FlowLayout.RUNS_PER_FILE);
  }

  /**
   * @param runsPerFile the runs per file of a first load ({@link FlowLayout#byFlow}); fewer than
   *     {@link FlowLayout#RUNS_PER_FILE} where a few runs must make several files
   */
  public RunsMerge(SparkSession spark, LakePaths paths, long runsPerFile) {
    this.spark = spark;
    this.paths = paths;
    this.runsPerFile = runsPerFile;
  }

  /**
   * What a merge did: the {@code created_month} partitions it touched and, when it was a first
   * load's plain append of runs with no uuid twice, the rows it appended (which are then exactly
   * what {@code runs} holds), read from the staged files: a pull counts and digests them without
   * reading {@code runs} back, nor repeating the shuffle that laid them out ({@link FlowLayout}).
   */
  public record Merged(List<String> months, Optional<Dataset<Row>> appended) {}

  /**
   * Merges the batch ({@link io.flowlake.source.RunColumns#RUN} columns) tagged with its source.
   */
  public Merged merge(Dataset<Row> batch, String source) {
    // One pass over one or two columns of the staged files (caching whole nested rows costs more):
    // the months, and whether any uuid comes twice (a run on a window edge, read by both windows).
    Row facts =
        batch
            .agg(
                sort_array(collect_set(date_format(col("created_on"), "yyyy-MM"))),
                count(lit(1)),
                countDistinct(col("uuid")))
            .head();
    List<String> months = facts.getList(0);
    if (months.isEmpty()) {
      return new Merged(List.of(), Optional.empty());
    }
    boolean unique = facts.getLong(1) == facts.getLong(2);
    // without a uuid twice each run's one row is its newest: no window over whole nested rows
    Dataset<Row> rows = withLineage(batch, source);
    if (!unique) {
      rows = newestPerUuid(rows);
    }
    // no runs yet, or only the empty table a first pull creates before its fetch (EmptyTables)
    boolean firstLoad =
        new DeltaLogFiles(spark.sparkContext().hadoopConfiguration()).holdsNoRows(paths.runs());
    DeltaTable runs = LakeTableCreator.runs(spark, paths);
    if (firstLoad) {
      // A first load has nothing to match: one append is the same single commit, without a join.
      // (One writer at a time per lake, ops/RunLock: nothing lands between the look and the
      // append.)
      // laid out by flow, which only a load that writes every file can choose (FlowLayout)
      FlowLayout.byFlow(rows, facts.getLong(2), runsPerFile)
          .write()
          .format("delta")
          .mode(SaveMode.Append)
          .save(paths.runs());
      return new Merged(List.copyOf(months), unique ? Optional.of(rows) : Optional.empty());
    }
    mergeInto(runs, rows, months);
    return new Merged(List.copyOf(months), Optional.empty());
  }

  private void mergeInto(DeltaTable runs, Dataset<Row> rows, List<String> months) {
    // The batch is read from immutable staging files, so Delta need not copy it before merging.
    ScopedSettings.during(
        spark,
        Map.of("spark.databricks.delta.merge.materializeSource", "none"),
        () ->
            runs.as("t")
                .merge(rows.as("s"), matchCondition(months))
                .whenMatched(newerOrPreferred())
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute());
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
