package io.flowlake.lake;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps {@code run_values} (one row per run and result key) equal to what {@code runs} says. It is
 * derived, never merged on its own: the months a merge touched are rebuilt from {@code runs} in one
 * atomic {@code replaceWhere} overwrite, so a result key a run no longer has disappears too, and a
 * re-run after a crash converges to the same rows. A first load's months are written the same way,
 * appended: one task per file of the {@code runs} it just wrote, so each file of {@code run_values}
 * keeps the flows of its file of {@code runs} ({@link FlowLayout#filePerTask}).
 */
public final class RunValuesRefresh {

  private final SparkSession spark;
  private final LakePaths paths;

  public RunValuesRefresh(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** After {@link RunsMerge#merge}: rebuilds the months it touched, or writes a first load's. */
  public void refresh(RunsMerge.Merged merged) {
    refresh(merged.months());
  }

  /** Rebuilds {@code months} of {@code run_values} from {@code runs}. */
  public void refresh(List<String> months) {
    if (months.isEmpty()) {
      return;
    }
    LakeTableCreator.runValues(spark, paths);
    String predicate =
        LakeTables.PARTITION_COLUMN
            + " in ("
            + months.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
            + ")";
    Dataset<Row> runs = spark.read().format("delta").load(paths.runs()).where(predicate);
    DataFrameWriter<Row> write = RunValueColumns.flatten(runs).write().format("delta");
    boolean firstLoad =
        new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
            .holdsNoRows(paths.runValues());
    // one task per file of runs, so each file written holds the flows of the one it was read from
    FlowLayout.filePerTask(
        spark,
        () -> {
          if (firstLoad) {
            // nothing to replace, and a blind append need not list the table's files
            write.mode(SaveMode.Append).save(paths.runValues());
          } else {
            write
                .mode(SaveMode.Overwrite)
                .option("replaceWhere", predicate)
                .save(paths.runValues());
          }
        });
  }
}
