package io.flowlake.models;

import io.flowlake.lake.ConcurrentTableWrites;
import io.flowlake.lake.TableFile;
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
import org.apache.spark.sql.types.StructType;

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

  /**
   * Tables committed at once: a commit is driver-side work, much of it waiting on the file system
   * (50 commits took 8.2 s four at a time, 6.0 s eight at a time, on 2 cores).
   */
  private static final int COMMITS_AT_ONCE = 8;

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
      written = write(spark, lake, scope, tables);
    }
    List<String> removed = removeStale(spark, lake, scope, tables);
    return new Published(written, removed, notes, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Writes every table's file in one job ({@link FlowResultsFiles}), then commits each table, a few
   * at once: a commit is driver-side work only.
   */
  private static Map<String, Long> write(
      SparkSession spark, String lake, FlowScope scope, Map<String, FlowResultsTable> tables) {
    Dataset<Row> runs = spark.table("stg_runs");
    if (!scope.all()) {
      runs = runs.where(runs.col("flow_uuid").isin(tables.keySet().toArray()));
    }
    // analysis only: no job runs
    StructType input = runs.selectExpr(FlowResultsFiles.RUN_INPUT.toArray(String[]::new)).schema();
    Map<String, FlowResultsFiles.Target> targets = new LinkedHashMap<>();
    for (FlowResultsTable table : tables.values()) {
      targets.put(
          table.flowUuid(),
          FlowResultsTableWriter.target(input, table, MartPaths.mart(lake, table.location())));
    }
    Map<String, List<TableFile>> files = FlowResultsFiles.write(spark, runs, targets);
    return ConcurrentTableWrites.run(
        List.copyOf(tables.values()),
        FlowResultsTable::tableName,
        table -> {
          FlowResultsTableWriter.commit(
              spark,
              targets.get(table.flowUuid()),
              files.getOrDefault(table.flowUuid(), List.of()));
          return table.runs();
        },
        COMMITS_AT_ONCE);
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
