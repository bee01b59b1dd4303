package io.flowlake.models;

import io.flowlake.lake.StatsColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes one flow's results table from the runs, in the columns flow_results_index lists. */
final class FlowResultsTableWriter {

  /**
   * The run columns and what each reads from {@code stg_runs}. Statistics go on the run's times,
   * uuid and flow only: never on the contact's columns, which would sit in clear in the Delta log
   * after an erasure removed the rows (docs/erasure.md), nor on the results.
   */
  private static final Map<String, String> RUN_COLUMNS =
      Map.of(
          "contact_uuid", "contact_uuid",
          "contact_name", "contact_name",
          "urn", "contact_urn",
          "started", "created_on",
          "modified", "modified_on",
          "exited", "exited_on",
          "run_uuid", "run_uuid");

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

  /** Replaces the table at {@code path} in one commit with the flow's rows of {@code runs}. */
  static void write(Dataset<Row> runs, FlowResultsTable table, String path) {
    List<String> select = new ArrayList<>();
    for (FlowResultsTable.Column column : table.columns()) {
      select.add(expression(table, column) + " as " + SqlText.identifier(column.name()));
    }
    Dataset<Row> rows =
        runs.where(runs.col("flow_uuid").equalTo(table.flowUuid()))
            .selectExpr(select.toArray(String[]::new));
    // a new result adds two columns: the writer replaces the schema then
    MartWriter.replacing(rows, path)
        .option(StatsColumns.PROPERTY, StatsColumns.quoted(STATS_COLUMNS))
        .save(path);
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
