package io.flowlake.models;

import io.delta.tables.DeltaTable;
import io.flowlake.lake.StatsColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Replaces a mart's contents in one Delta commit: a reader sees the old mart or the new one. */
final class MartWriter {

  /** Characters Delta refuses in column names unless the table maps column names. */
  private static final String DELTA_RESERVED = " ,;{}()\n\t=";

  /** A mart's columns that name a contact: they get no file statistics. */
  private static final Set<String> PERSONAL_COLUMNS = Set.of("Contact UUID", "Contact Name", "URN");

  private MartWriter() {}

  /**
   * Under {@link FlowScope#everyFlow()}, replaces the whole mart; otherwise replaces the rows of
   * the scope's flows with {@code rows} (which hold only those flows) and keeps every other flow's,
   * in one commit either way.
   */
  static void write(Model mart, Dataset<Row> rows, String path, FlowScope scope) {
    if (scope.all()) {
      overwrite(mart, rows, path);
      return;
    }
    // the scope's uuids are plain (ChangedFlows checks), so they sit in the predicate as they are
    String predicate =
        "flow_uuid in ("
            + scope.flows().stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
            + ")";
    rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(path);
  }

  static void overwrite(Model mart, Dataset<Row> rows, String path) {
    DataFrameWriter<Row> writer =
        rows.write()
            .format("delta")
            .mode("overwrite")
            // a new release may change a mart's columns; the mart is derived, so replace it
            .option("overwriteSchema", "true");
    if (needsColumnMapping(rows.columns())) {
      // flow_results_wide's RapidPro-style names ("Age (Value) - Survey") need Delta column mapping
      writer = writer.option("delta.columnMapping.mode", "name");
    }
    if (mart.pivot().isPresent()) {
      writer = asWideTable(mart, writer);
    }
    writer.save(path);
  }

  /**
   * A mart with a column per (flow, result) has hundreds of columns, nearly all null on any row.
   * Delta's file statistics cover only the declared leading columns (the run columns, which a
   * reader filters on), not the first 32: min/max of 24 result columns cost a pass and skip
   * nothing. Nor the contact's columns: statistics sit in clear in the Delta log, which no vacuum
   * rewrites, and an erased contact must leave every file (docs/erasure.md). Parquet dictionaries
   * are off: the run columns are unique per run (a dictionary fills up and is thrown away) and a
   * result column's few values per file gain little from one; on a 1M-run table this wrote 25%
   * faster and no larger.
   */
  private static DataFrameWriter<Row> asWideTable(Model mart, DataFrameWriter<Row> writer) {
    List<String> indexed =
        mart.columns().stream()
            .map(ModelColumn::name)
            .filter(name -> !PERSONAL_COLUMNS.contains(name))
            .toList();
    return writer
        .option(StatsColumns.PROPERTY, StatsColumns.quoted(indexed))
        .option("parquet.enable.dictionary", "false");
  }

  /**
   * The rows the table's latest commit wrote, from the commit's own metrics: counting the mart
   * again would cost a Spark job (or a scan of the Delta log's file statistics) per mart.
   */
  static long lastWriteRows(SparkSession spark, String path) {
    Row commit = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    Map<String, String> metrics = commit.getJavaMap(0);
    String rows = metrics == null ? null : metrics.get("numOutputRows");
    if (rows == null) {
      // commit metrics switched off (spark.databricks.delta.history.metricsEnabled=false)
      return spark.read().format("delta").load(path).count();
    }
    return Long.parseLong(rows);
  }

  static boolean needsColumnMapping(String[] columns) {
    return Arrays.stream(columns)
        .anyMatch(c -> c.chars().anyMatch(ch -> DELTA_RESERVED.indexOf(ch) >= 0));
  }
}
