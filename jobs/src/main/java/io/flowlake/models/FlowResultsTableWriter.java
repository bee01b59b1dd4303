package io.flowlake.models;

import io.flowlake.lake.StatsColumns;
import io.flowlake.lake.TableContentsCommit;
import io.flowlake.lake.TableFile;
import java.util.List;
import java.util.Map;
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
   * FlowResultsFiles#parquetSettings}); the result columns, a few categories each, keep it.
   */
  static final List<String> DISTINCT_VALUED =
      List.of("contact_uuid", "contact_name", "urn", "started", "modified", "exited", "run_uuid");

  private FlowResultsTableWriter() {}

  /**
   * Where the flow's rows go and how each is made from a run of the scope's runs.
   *
   * @param input the schema of the scope's runs, columns in {@link FlowResultsFiles#RUN_INPUT}
   *     order
   */
  static FlowResultsFiles.Target target(StructType input, FlowResultsTable table, String path) {
    return new FlowResultsFiles.Target(path, ResultsRowLayout.of(table, input, RUN_COLUMNS));
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
}
