package io.flowlake.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same marts computed by DuckDB over the same Parquet files (the lake's Delta data files,
 * written once by {@link BenchLake}), each materialised and written to Parquet as Spark writes
 * Delta. The SQL is in resources/duckdb, one file per step, following docs/marts.md.
 */
final class DuckDbMarts {

  /** The per-flow results tables, one step: a Parquet file per flow, counted together. */
  static final String FLOW_RESULTS = "flow_results";

  /** Steps in dependency order; the intermediate ones are kept as tables but not written out. */
  static final List<String> STEPS =
      List.of(
          "flow_summary",
          "flow_daily",
          "result_value_counts",
          "result_names",
          "result_categories",
          "result_numeric",
          "node_dropoff",
          "flow_results_index",
          FLOW_RESULTS);

  static final List<String> MARTS =
      List.of(
          "flow_summary",
          "flow_daily",
          "result_categories",
          "result_numeric",
          "node_dropoff",
          "flow_results_index",
          FLOW_RESULTS);

  private DuckDbMarts() {}

  static Connection open(int threads, String memoryLimit) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("set threads = " + threads);
      statement.execute("set memory_limit = '" + memoryLimit + "'");
      statement.execute("set preserve_insertion_order = false");
    }
    return connection;
  }

  /**
   * Builds every mart from the lake's Parquet files listed in {@code <files>/runs.files} and {@code
   * <files>/run_values.files} (the tables' data files at their latest version); returns each mart's
   * row count and puts each step's seconds into {@code stepSeconds}.
   */
  static Map<String, Long> run(
      Connection connection, Path files, String out, Map<String, Double> stepSeconds)
      throws SQLException, IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : List.of("runs", "run_values")) {
        String list =
            Files.readAllLines(files.resolve(table + ".files")).stream()
                .map(DuckDbMarts::literal)
                .collect(Collectors.joining(", "));
        statement.execute(
            "create or replace view "
                + table
                + " as select * from read_parquet(["
                + list
                + "], hive_partitioning = true)");
      }
      for (String step : STEPS) {
        long start = System.nanoTime();
        if (step.equals(FLOW_RESULTS)) {
          counts.put(step, writeFlowTables(statement, out + "/" + FLOW_RESULTS));
          stepSeconds.put(step, (System.nanoTime() - start) / 1e9);
          continue;
        }
        String file = out + "/" + step + ".parquet";
        statement.execute("create or replace table " + step + " as " + sql(step));
        if (MARTS.contains(step)) {
          statement.execute("copy " + step + " to '" + file + "' (format parquet)");
        }
        if (MARTS.contains(step)) {
          String count = "select count(*) from read_parquet('" + file + "')";
          try (ResultSet rows = statement.executeQuery(count)) {
            rows.next();
            counts.put(step, rows.getLong(1));
          }
        }
        stepSeconds.put(step, (System.nanoTime() - start) / 1e9);
      }
    }
    return counts;
  }

  /**
   * Each flow's results table, as flowlake's FlowResultsTables writes it from flow_results_index:
   * one row per run, streamed to its own file (not held as an in-memory table).
   *
   * @return rows written over all the tables
   */
  private static long writeFlowTables(Statement statement, String dir) throws SQLException {
    Map<String, List<String>> selects = new LinkedHashMap<>();
    Map<String, String> flows = new LinkedHashMap<>();
    try (ResultSet columns =
        statement.executeQuery(
            "select table_name, flow_uuid, coalesce(flow_name, flow_uuid), column_name, result_key,"
                + " kind from flow_results_index order by table_name, position")) {
      while (columns.next()) {
        String table = columns.getString(1);
        flows.put(table, columns.getString(2));
        selects
            .computeIfAbsent(table, t -> new ArrayList<>())
            .add(
                expression(
                        columns.getString(3),
                        columns.getString(5),
                        columns.getString(6),
                        columns.getString(4))
                    + " as \""
                    + columns.getString(4)
                    + "\"");
      }
    }
    new java.io.File(dir).mkdirs();
    long rows = 0;
    for (Map.Entry<String, List<String>> table : selects.entrySet()) {
      String file = dir + "/" + table.getKey() + ".parquet";
      statement.execute(
          "copy (select "
              + String.join(", ", table.getValue())
              + " from runs where flow_uuid = "
              + literal(flows.get(table.getKey()))
              + ") to '"
              + file
              + "' (format parquet, row_group_size 16384)");
      try (ResultSet count =
          statement.executeQuery("select count(*) from read_parquet('" + file + "')")) {
        count.next();
        rows += count.getLong(1);
      }
    }
    return rows;
  }

  private static String expression(String flowLabel, String resultKey, String kind, String column) {
    return switch (kind) {
      case "category", "value" ->
          "map_extract(runs.\"values\", " + literal(resultKey) + ")[1]." + kind;
      default ->
          switch (column) {
            case "contact_uuid", "contact_name" -> column;
            case "urn" -> "contact_urn";
            case "flow_name" -> literal(flowLabel);
            case "started" -> "created_on";
            case "modified" -> "modified_on";
            case "exited" -> "exited_on";
            case "run_uuid" -> "uuid";
            default -> throw new IllegalStateException("unknown run column " + column);
          };
    };
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String sql(String step) {
    try (InputStream in = DuckDbMarts.class.getResourceAsStream("/duckdb/" + step + ".sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
