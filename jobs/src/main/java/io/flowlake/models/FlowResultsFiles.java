package io.flowlake.models;

import io.flowlake.lake.ParquetFileSetup;
import io.flowlake.lake.TableFile;
import io.flowlake.lake.TaskParquetFile;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes the Parquet file of every flow's results table in one Spark job: the scope's runs are
 * hash-partitioned and sorted on the flow, and each task writes one file per flow it holds, into
 * that flow's table directory, with Spark's own Parquet writer (the encoding, compression and
 * timestamp type a Delta write of the same rows gives). The files are not part of any table until
 * {@link io.flowlake.lake.TableContentsCommit} commits them.
 *
 * <p>Why not one Delta write per table: each is its own Spark job with its own planning, task
 * set-up, statistics tracker and Hadoop configuration copies, about half a second of the cores
 * whatever the table's size. 50 tables of a 100,000-run lake took 25 s that way, as long as those
 * of a 1M-run lake less 5 s. A task that fails leaves its files behind, in no commit: a vacuum
 * deletes them like any file no version holds.
 */
final class FlowResultsFiles {

  /** The columns of the scope's runs a table row is made from, in this order. */
  static final List<String> RUN_INPUT =
      List.of(
          "flow_uuid",
          "contact_uuid",
          "contact_name",
          "contact_urn",
          "created_on",
          "modified_on",
          "exited_on",
          "run_uuid",
          "result_values");

  private FlowResultsFiles() {}

  /**
   * @param runs the scope's runs ({@code stg_runs}, filtered), any columns including {@link
   *     #RUN_INPUT}
   * @param layouts each table's row layout, and the directory of its table, by flow uuid
   * @return the files written, by flow uuid; a flow without runs in {@code runs} has none
   */
  static Map<String, List<TableFile>> write(
      SparkSession spark, Dataset<Row> runs, Map<String, Target> layouts) {
    Dataset<Row> input = runs.selectExpr(RUN_INPUT.toArray(String[]::new));
    input = input.where(input.col("flow_uuid").isin(layouts.keySet().toArray()));
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    Dataset<Row> clustered =
        input
            .repartition(Math.min(layouts.size(), 4 * cores), input.col("flow_uuid"))
            .sortWithinPartitions("flow_uuid");
    // any schema: it only fills the configuration; each file sets its own table's schema
    StructType anySchema = layouts.values().iterator().next().layout().schema();
    FileTask task =
        new FileTask(new LinkedHashMap<>(layouts), ParquetFileSetup.of(spark, anySchema));
    List<TableFile.Of> written =
        clustered.queryExecution().toRdd().toJavaRDD().mapPartitions(task).collect();
    return written.stream()
        .collect(
            Collectors.groupingBy(
                TableFile.Of::table,
                LinkedHashMap::new,
                Collectors.mapping(TableFile.Of::file, Collectors.toList())));
  }

  /** Where a flow's rows go: its table's directory, and how a row of it is made. */
  record Target(String tableDir, ResultsRowLayout layout) implements Serializable {}

  /** One task: a file per flow, its rows contiguous in the sorted partition. */
  private record FileTask(Map<String, Target> targets, ParquetFileSetup setup)
      implements FlatMapFunction<Iterator<InternalRow>, TableFile.Of> {

    @Override
    public Iterator<TableFile.Of> call(Iterator<InternalRow> rows) throws IOException {
      List<TableFile.Of> files = new ArrayList<>();
      UTF8String flow = null;
      Target target = null;
      TaskParquetFile file = null;
      GenericInternalRow row = null;
      try {
        while (rows.hasNext()) {
          InternalRow run = rows.next();
          if (flow == null || !flow.equals(run.getUTF8String(0))) {
            if (file != null) {
              files.add(new TableFile.Of(target.layout().flowUuid(), file.close()));
              file = null;
            }
            flow = run.getUTF8String(0).clone();
            target = targets.get(flow.toString());
            if (target == null) {
              throw new IllegalStateException("a run of a flow with no results table in scope");
            }
            file = TaskParquetFile.open(target.tableDir(), target.layout().schema(), setup);
            row = new GenericInternalRow(target.layout().schema().size());
          }
          file.write(target.layout().apply(run, row));
        }
        if (file != null) {
          files.add(new TableFile.Of(target.layout().flowUuid(), file.close()));
          file = null;
        }
      } finally {
        if (file != null) {
          file.abort();
        }
      }
      return files.iterator();
    }
  }
}
