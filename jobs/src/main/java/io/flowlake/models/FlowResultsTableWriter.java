package io.flowlake.models;

import io.flowlake.lake.StatsColumns;
import io.flowlake.lake.TableContentsCommit;
import io.flowlake.lake.TableFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One flow's results table: its columns as flow_results_index lists them, what each reads from
 * {@code stg_runs}, and its commit.
 */
final class FlowResultsTableWriter {

  /** The run columns and what each reads from {@code stg_runs}. */
  private static final Map<String, String> RUN_COLUMNS =
      Map.of(
          "contact_uuid", "contact_uuid",
          "contact_name", "contact_name",
          "urn", "contact_urn",
          "started", "created_on",
          "modified", "modified_on",
          "exited", "exited_on",
          "run_uuid", "run_uuid");

  /**
   * The columns the tables allow statistics on (flowlake's own commit records a row count only):
   * the run's times, uuid and flow, never the contact's columns, which would sit in clear in the
   * Delta log after an erasure removed the rows (docs/erasure.md), nor the results.
   */
  private static final List<String> STATS_COLUMNS =
      List.of("flow_name", "started", "modified", "exited", "run_uuid");

  /**
   * The run columns whose values are all, or nearly all, distinct: one per run, or per contact.
   * Parquet's dictionary encoding buys nothing on them, so the tables write them plain ({@link
   * PlainEncodedColumns}); the result columns, a few categories each, keep it.
   */
  static final List<String> DISTINCT_VALUED =
      List.of("contact_uuid", "contact_name", "urn", "started", "modified", "exited", "run_uuid");

  private FlowResultsTableWriter() {}

  /**
   * Where the flow's rows go and how each is made from a run of {@code runs} (the scope's runs,
   * with {@link FlowResultsFiles#RUN_INPUT}). The table's schema is that of the select a Delta
   * write of the same columns would run, all columns nullable as Delta keeps them.
   */
  static FlowResultsFiles.Target target(Dataset<Row> runs, FlowResultsTable table, String path) {
    List<String> select = new ArrayList<>();
    for (FlowResultsTable.Column column : table.columns()) {
      select.add(expression(table, column) + " as " + SqlText.identifier(column.name()));
    }
    // analysis only: no job runs
    StructType schema = runs.selectExpr(select.toArray(String[]::new)).schema().toNullable();
    StructType input = runs.selectExpr(FlowResultsFiles.RUN_INPUT.toArray(String[]::new)).schema();
    return new FlowResultsFiles.Target(
        path, ResultsRowLayout.of(table, input, schema, RUN_COLUMNS));
  }

  /** Replaces the table at {@code path} in one commit with the files written for it. */
  static void commit(SparkSession spark, FlowResultsFiles.Target target, List<TableFile> files) {
    TableContentsCommit.replace(
        spark,
        target.tableDir(),
        target.layout().schema(),
        Map.of(StatsColumns.PROPERTY, StatsColumns.quoted(STATS_COLUMNS)),
        files);
  }

  private static String expression(FlowResultsTable table, FlowResultsTable.Column column) {
    return switch (column.kind()) {
      case "category", "value" ->
          "result_values[" + SqlText.stringLiteral(column.resultKey()) + "]." + column.kind();
      case "run" -> {
        if (column.name().equals("flow_name")) {
          String label = table.flowName() == null ? table.flowUuid() : table.flowName();
          yield SqlText.stringLiteral(label);
        }
        String source = RUN_COLUMNS.get(column.name());
        if (source == null) {
          throw new IllegalStateException(
              "flow_results_index names run column " + column.name() + ", unknown to the writer");
        }
        yield source;
      }
      default ->
          throw new IllegalStateException("flow_results_index: unknown kind " + column.kind());
    };
  }
}
