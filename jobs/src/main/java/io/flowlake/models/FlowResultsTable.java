package io.flowlake.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One flow's results table as {@code flow_results_index} describes it: its name, its directory
 * under {@code <lake>/marts} and its columns in order, each with RapidPro's export header.
 *
 * @param flowName the flow's name as in flow_summary; null when no run carries one
 * @param runs the flow's runs, which are the table's rows
 */
public record FlowResultsTable(
    String flowUuid,
    String flowName,
    String tableName,
    String location,
    long runs,
    List<Column> columns) {

  /** A column of the table: its name in the lake and RapidPro's header for it. */
  public record Column(String name, String displayName, String resultKey, String kind) {}

  /** The directory under {@code <lake>/marts} that holds every flow's table. */
  public static final String DIR = "flow_results";

  /**
   * The table's name for a flow uuid, as flow_results_index.sql computes it: {@code flow_} and the
   * uuid lower-cased with every character outside [a-z0-9] as {@code _}, at most 63 bytes. Used to
   * find the table of a flow that has no index row any more.
   */
  public static String tableNameOf(String flowUuid) {
    String safe = flowUuid.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return "flow_" + safe.substring(0, Math.min(safe.length(), 58));
  }

  public FlowResultsTable {
    columns = List.copyOf(columns);
  }

  /** The column names, in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * RapidPro's export headers for the columns, in order, as CSV headers: two results whose names
   * differ only by case (Spark and most spreadsheets would take them for one) get their key
   * appended, {@code Age (Value) [age_2]}.
   */
  public List<String> headers() {
    Map<String, Integer> seen = new HashMap<>();
    columns.forEach(c -> seen.merge(c.displayName().toLowerCase(Locale.ROOT), 1, Integer::sum));
    return columns.stream()
        .map(
            c ->
                seen.get(c.displayName().toLowerCase(Locale.ROOT)) > 1 && c.resultKey() != null
                    ? c.displayName() + " [" + c.resultKey() + "]"
                    : c.displayName())
        .toList();
  }

  /** The tables of the index rows given, by flow uuid, columns in position order. */
  static Map<String, FlowResultsTable> fromIndex(List<Row> indexRows) {
    List<Row> sorted = new ArrayList<>(indexRows);
    sorted.sort(
        Comparator.comparing((Row r) -> r.<String>getAs("flow_uuid"))
            .thenComparingInt(r -> r.<Integer>getAs("position")));
    Map<String, List<Row>> byFlow = new LinkedHashMap<>();
    sorted.forEach(
        r -> byFlow.computeIfAbsent(r.getAs("flow_uuid"), f -> new ArrayList<>()).add(r));
    Map<String, FlowResultsTable> tables = new LinkedHashMap<>();
    byFlow.forEach((flow, rows) -> tables.put(flow, of(rows)));
    return tables;
  }

  private static FlowResultsTable of(List<Row> rows) {
    Row first = rows.get(0);
    List<Column> columns =
        rows.stream()
            .map(
                r ->
                    new Column(
                        r.getAs("column_name"),
                        r.getAs("display_name"),
                        r.getAs("result_key"),
                        r.getAs("kind")))
            .toList();
    return new FlowResultsTable(
        first.getAs("flow_uuid"),
        first.getAs("flow_name"),
        first.getAs("table_name"),
        first.getAs("location"),
        first.<Long>getAs("runs"),
        columns);
  }
}
