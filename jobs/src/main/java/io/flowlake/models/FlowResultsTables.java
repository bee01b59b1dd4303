package io.flowlake.models;

import io.flowlake.lake.ConcurrentTableWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes one Delta table per flow under {@code <lake>/marts/flow_results/}, shaped like RapidPro's
 * results export of that flow: a row per run, the run columns, then a category and a value column
 * per result. The tables' names and columns are those of the {@code flow_results_index} view (the
 * mart, written before), so the index and the tables agree.
 *
 * <p>Reads the temp views {@code stg_runs} and {@code flow_results_index}; under a partial scope
 * they may hold only the scope's flows, and only the scope's tables are touched. Each table is
 * replaced in one commit. A flow in scope with no index row (no runs any more) loses its table.
 */
public final class FlowResultsTables {

  /**
   * What a publish wrote.
   *
   * @param rowsByTable rows of each table written, by table name
   * @param removed tables removed: their flows have no runs any more
   * @param notes one-line notices for a person (a migrated lake)
   * @param seconds wall time of the publish
   */
  public record Published(
      Map<String, Long> rowsByTable, List<String> removed, List<String> notes, double seconds) {

    public Published {
      rowsByTable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
      removed = List.copyOf(removed);
      notes = List.copyOf(notes);
    }

    /** Rows of every table written: the scope's runs. */
    public long rows() {
      return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Adds the tables as one line to a transform's counts and times, under "flow_results". */
    public void addTo(Map<String, Long> rowCounts, Map<String, Double> modelSeconds) {
      rowCounts.put(FlowResultsTable.DIR, rows());
      modelSeconds.put(FlowResultsTable.DIR, seconds);
    }
  }

  /** The index mart's name: one row per column of each flow's table. */
  public static final String INDEX = "flow_results_index";

  private FlowResultsTables() {}

  /**
   * The tables the lake's {@code flow_results_index} mart lists, in flow uuid order, as of {@code
   * indexVersion} of the index.
   */
  public static List<FlowResultsTable> listed(SparkSession spark, String lake, long indexVersion) {
    Dataset<Row> index =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", indexVersion)
            .load(MartPaths.mart(lake, INDEX));
    return List.copyOf(FlowResultsTable.fromIndex(index.collectAsList()).values());
  }

  /**
   * @param lake the lake root whose marts the transform writes
   * @param scope the flows whose tables are rewritten (or removed); others are left as they are
   */
  public static Published publish(SparkSession spark, String lake, FlowScope scope) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>(WideMartRetirement.retire(spark, lake).stream().toList());
    if (scope.isNothing()) {
      return new Published(Map.of(), List.of(), notes, 0);
    }
    Map<String, FlowResultsTable> tables = new LinkedHashMap<>();
    FlowResultsTable.fromIndex(spark.table(INDEX).collectAsList())
        .forEach(
            (flow, table) -> {
              if (scope.includes(flow)) {
                tables.put(flow, table);
              }
            });
    Map<String, Long> written = new LinkedHashMap<>();
    if (!tables.isEmpty()) {
      Dataset<Row> runs = scopeRuns(spark, scope, tables.keySet());
      try (PlainEncodedColumns plain =
          PlainEncodedColumns.of(spark, FlowResultsTableWriter.DISTINCT_VALUED)) {
        written =
            ConcurrentTableWrites.run(
                List.copyOf(tables.values()),
                FlowResultsTable::tableName,
                table -> {
                  FlowResultsTableWriter.write(runs, table, MartPaths.mart(lake, table.location()));
                  return table.runs();
                });
      } finally {
        runs.unpersist(false);
      }
    }
    List<String> removed = removeStale(spark, lake, scope, tables);
    return new Published(written, removed, notes, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The scope's runs with only the columns a table reads, computed once and kept in Spark's
   * columnar cache, each flow's rows together (hash-partitioned and sorted on the flow): each table
   * is then a filter of them that the cache's per-batch statistics answer by reading that flow's
   * few batches, not every run of the scope again, and that writes one file, not one per partition
   * of the lake's runs. Hash, not range, partitioning: a range's bounds come from a sampling job
   * that reads every run of the scope once more before the shuffle reads them (a quarter of the
   * cache's cost at 1M runs); a partition holding a few flows costs nothing, since each flow's rows
   * stay together. Unpersisted by the caller once the tables are written.
   */
  private static Dataset<Row> scopeRuns(SparkSession spark, FlowScope scope, Set<String> flows) {
    Dataset<Row> runs =
        spark
            .table("stg_runs")
            .selectExpr(
                "flow_uuid",
                "contact_uuid",
                "contact_name",
                "contact_urn",
                "created_on",
                "modified_on",
                "exited_on",
                "run_uuid",
                "result_values");
    if (!scope.all()) {
      runs = runs.where(runs.col("flow_uuid").isin(flows.toArray()));
    }
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    Dataset<Row> clustered =
        runs.repartition(Math.min(flows.size(), 4 * cores), runs.col("flow_uuid"))
            .sortWithinPartitions("flow_uuid")
            .persist(StorageLevel.MEMORY_AND_DISK());
    clustered.count();
    return clustered;
  }

  /**
   * Removes the tables of flows in scope that have no index row: every other table under a full
   * scope, the scope's flows' tables otherwise.
   */
  private static List<String> removeStale(
      SparkSession spark, String lake, FlowScope scope, Map<String, FlowResultsTable> kept) {
    Set<String> keep =
        kept.values().stream().map(FlowResultsTable::tableName).collect(Collectors.toSet());
    Path dir = new Path(MartPaths.mart(lake, FlowResultsTable.DIR));
    List<String> removed = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isDirectory(dir)) {
        return removed;
      }
      Set<String> candidates =
          scope.all()
              ? java.util.Arrays.stream(fs.listStatus(dir))
                  .filter(FileStatus::isDirectory)
                  .map(s -> s.getPath().getName())
                  .collect(Collectors.toSet())
              : scope.flows().stream()
                  .map(FlowResultsTable::tableNameOf)
                  .collect(Collectors.toSet());
      for (String table : candidates) {
        if (!keep.contains(table) && fs.delete(new Path(dir, table), true)) {
          removed.add(table);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the flow results tables under " + dir, e);
    }
    return removed;
  }
}
