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
 * Writes the Parquet files of every flow's results table in one Spark job: each task writes the
 * runs it scans into a file per flow it meets, in that flow's table directory, with Spark's own
 * Parquet writer (the encoding, compression and timestamp type a Delta write of the same rows
 * gives). The files are not part of any table until {@link io.flowlake.lake.TableContentsCommit}
 * commits them.
 *
 * <p>No shuffle: the runs are written where they are read, so a table is a few files (one per task
 * that read its runs, more if a task met more flows than it keeps open: 6 to 11 per flow at 10M
 * runs) rather than one. Hash-partitioning the runs on the flow to make one file each cost a
 * shuffle of every run with its result values: the job took 56.0 s at 10M runs that way, against
 * 47.2 s (and less than half the system CPU) without.
 *
 * <p>Why not one Delta write per table: each is its own Spark job with its own planning, task
 * set-up, statistics tracker and Hadoop configuration copies, about half a second of the cores
 * whatever the table's size. 50 tables of a 100,000-run lake took 25 s that way, as long as those
 * of a 1M-run lake less 5 s. A task that fails deletes the files it wrote; a killed one leaves
 * them, in no commit, and a vacuum deletes them like any file no version holds.
 */
final class FlowResultsFiles {

  /**
   * The columns of the scope's runs a table row is made from, in this order. A run's results come
   * as three arrays of its {@code values} map, in the map's order (keys, categories, values), not
   * as the map: Spark's scan copies every row into its own row format, and a map of structs is
   * copied whole, with each result's name, node, time and input that no table column reads (at 10M
   * runs, reading and copying the runs took 17.8 s with the map and 13.3 s with these arrays; the
   * scan itself reads the whole map either way: Spark does not prune a map's value fields).
   */
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
          "map_keys(result_values) as " + ResultsRowLayout.RESULT_KEYS,
          "map_values(result_values).category as " + ResultsRowLayout.RESULT_CATEGORIES,
          "map_values(result_values).value as " + ResultsRowLayout.RESULT_VALUES);

  private FlowResultsFiles() {}

  /**
   * @param runs the scope's runs ({@code stg_runs}, filtered), any columns including {@link
   *     #RUN_INPUT}
   * @param layouts each table's row layout, and the directory of its table, by flow uuid
   * @return the files written, by flow uuid; a flow without runs in {@code runs} has none
   */
  static Map<String, List<TableFile>> write(
      SparkSession spark, Dataset<Row> runs, Map<String, Target> layouts) {
    return write(spark, runs, layouts, OPEN_FILES);
  }

  /** As {@link #write(SparkSession, Dataset, Map)}, with at most {@code openFiles} per task. */
  static Map<String, List<TableFile>> write(
      SparkSession spark, Dataset<Row> runs, Map<String, Target> layouts, int openFiles) {
    Dataset<Row> input = runs.selectExpr(RUN_INPUT.toArray(String[]::new));
    input = input.where(input.col("flow_uuid").isin(layouts.keySet().toArray()));
    // any schema: it only fills the configuration; each file sets its own table's schema
    StructType anySchema = layouts.values().iterator().next().layout().schema();
    ParquetFileSetup setup = ParquetFileSetup.of(spark, anySchema, parquetSettings());
    FileTask task = new FileTask(new LinkedHashMap<>(layouts), setup, openFiles);
    List<TableFile.Of> written =
        input.queryExecution().toRdd().toJavaRDD().mapPartitions(task).collect();
    return written.stream()
        .collect(
            Collectors.groupingBy(
                TableFile.Of::table,
                LinkedHashMap::new,
                Collectors.mapping(TableFile.Of::file, Collectors.toList())));
  }

  /** Where a flow's rows go: its table's directory, and how a row of it is made. */
  record Target(String tableDir, ResultsRowLayout layout) implements Serializable {}

  /**
   * One task: a file per flow it meets, written as the rows come, in the order the scan reads them.
   * At most {@code openFiles} are open at once: each holds its rows in memory until it is closed,
   * so a task that meets more flows closes the one written least recently, and that flow's later
   * rows start another file.
   */
  private record FileTask(Map<String, Target> targets, ParquetFileSetup setup, int openFiles)
      implements FlatMapFunction<Iterator<InternalRow>, TableFile.Of> {

    @Override
    public Iterator<TableFile.Of> call(Iterator<InternalRow> rows) throws IOException {
      OpenFiles open = new OpenFiles(openFiles);
      try {
        while (rows.hasNext()) {
          InternalRow run = rows.next();
          open.of(run.getUTF8String(0), this).write(run);
        }
        open.closeAll();
      } catch (Throwable e) {
        open.abortAll();
        throw e;
      }
      return open.written().iterator();
    }

    OpenFile open(UTF8String flow) {
      Target target = targets.get(flow.toString());
      if (target == null) {
        throw new IllegalStateException("a run of a flow with no results table in scope");
      }
      return new OpenFile(
          target.layout(),
          TaskParquetFile.open(target.tableDir(), target.layout().schema(), setup),
          new GenericInternalRow(target.layout().schema().size()));
    }
  }

  /**
   * The row group size of these files, 16 MB instead of Parquet's 128 MB. Parquet reserves a row
   * group's size for each writer open in the JVM and, past 95% of the heap, shrinks them all and
   * logs a warning per file opened: with a file per flow open in each task, the 10M-run benchmark
   * logged 1,676 of them. A table's file is a few MB at 10M runs, a row group of its own either
   * way.
   */
  static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;

  private static final String DICTIONARY = "parquet.enable.dictionary#";

  /**
   * These files' own Parquet settings, each kept only where the session has none ({@link
   * ParquetFileSetup}, so a user's setting wins): {@link #ROW_GROUP_BYTES}, and no dictionary for
   * the run columns whose values are (nearly) all distinct ({@link
   * FlowResultsTableWriter#DISTINCT_VALUED}). A dictionary of distinct values saves no space and
   * costs a hash lookup per value: writing the 50 results tables of a 1M-run lake spent a tenth of
   * the transform's CPU there. The result columns, a few categories each, keep theirs.
   */
  static Map<String, String> parquetSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("parquet.block.size", String.valueOf(ROW_GROUP_BYTES));
    FlowResultsTableWriter.DISTINCT_VALUED.forEach(
        column -> settings.put(DICTIONARY + column, "false"));
    return settings;
  }

  /**
   * Files open at most at once in one task. Each buffers its rows until it closes, so this bounds a
   * task's memory when a workspace has hundreds of flows; 50 flows never reach it.
   */
  static final int OPEN_FILES = 64;

  /** A flow's file being written, with the row it reuses for each run. */
  private record OpenFile(ResultsRowLayout layout, TaskParquetFile file, GenericInternalRow row) {
    void write(InternalRow run) {
      file.write(layout.apply(run, row));
    }
  }

  /** The task's open files by flow, least recently written first. */
  private static final class OpenFiles {
    private final LinkedHashMap<UTF8String, OpenFile> byFlow = new LinkedHashMap<>(16, 0.75f, true);
    // kept with their writers, which delete them if the task fails later
    private final List<ClosedFile> closed = new ArrayList<>();
    private final int limit;

    OpenFiles(int limit) {
      this.limit = limit;
    }

    /** The files closed so far, by table. */
    List<TableFile.Of> written() {
      return closed.stream().map(ClosedFile::written).toList();
    }

    OpenFile of(UTF8String flow, FileTask task) throws IOException {
      OpenFile file = byFlow.get(flow);
      if (file != null) {
        return file;
      }
      if (byFlow.size() >= limit) {
        closeEldest();
      }
      file = task.open(flow);
      // the scan reuses the row's bytes for the next row
      byFlow.put(flow.clone(), file);
      return file;
    }

    void closeAll() throws IOException {
      while (!byFlow.isEmpty()) {
        closeEldest();
      }
    }

    /** Closes the file written least recently: the first in access order. */
    private void closeEldest() throws IOException {
      close(byFlow.remove(byFlow.keySet().iterator().next()));
    }

    /**
     * After a failure: every file of the task is deleted, those still open and those closed, so a
     * task that fails leaves none of its files behind (none is in a commit yet).
     */
    void abortAll() {
      byFlow.values().forEach(file -> file.file().abort());
      byFlow.clear();
      closed.forEach(file -> file.writer().delete());
    }

    /** Closes a file taken out of the open ones; one that fails to close is deleted. */
    private void close(OpenFile file) throws IOException {
      try {
        TableFile.Of written = new TableFile.Of(file.layout().flowUuid(), file.file().close());
        closed.add(new ClosedFile(written, file.file()));
      } catch (Throwable e) {
        file.file().abort();
        throw e;
      }
    }
  }

  /** A file a task closed, and its writer, which can still delete it. */
  private record ClosedFile(TableFile.Of written, TaskParquetFile writer) {}
}
